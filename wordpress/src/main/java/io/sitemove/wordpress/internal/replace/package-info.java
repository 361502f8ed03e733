/**
 * The text replacement under the serialized-safe search and replace: several pairs in one pass over bytes,
 * the forms a text takes inside JSON and url-encoding, base64 values, and the database pass; not part of the API.
 */
package io.sitemove.wordpress.internal.replace;
