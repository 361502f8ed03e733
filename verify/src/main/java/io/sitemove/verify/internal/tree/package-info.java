/**
 * The tree verifier's parts: the remote listing and hashing commands, their parsers, the source's clock,
 * what counts as a change still on its way, and the entry-by-entry comparison. Not part of the API.
 */
package io.sitemove.verify.internal.tree;
