/**
 * PHP's serialize format read and written over bytes, so that strings can be rewritten inside it with their
 * byte lengths recomputed; not part of the API.
 */
package io.sitemove.wordpress.internal.serialized;
