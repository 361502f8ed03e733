/**
 * What every module that works on a server shares: {@link io.sitemove.remote.RemotePaths} (names from a
 * server checked before use) and {@link io.sitemove.remote.Parallel} (one call per server at once, or the
 * same work on both servers with {@link io.sitemove.remote.Parallel#onBoth}). The SSH transport is in
 * {@code io.sitemove.remote.ssh}, database endpoints in {@code io.sitemove.remote.db}.
 */
package io.sitemove.remote;
