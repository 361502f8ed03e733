/**
 * Verifiers that check the target against the source: {@link io.sitemove.verify.TreeHashVerifier}
 * (file trees over SSH), {@link io.sitemove.verify.DatabaseVerifier} (database rows,
 * by range hashes computed in the servers) and
 * {@link io.sitemove.verify.HttpVerifier} (pages, pinned to the new address before DNS moves).
 */
package io.sitemove.verify;
