package io.sitemove.wordpress.internal;

import io.sitemove.Server;

/**
 * The uploads directory on each server.
 *
 * @param source the source server
 * @param sourceUploads its uploads directory, absolute
 * @param target the target server
 * @param targetUploads its uploads directory, absolute
 */
public record UploadDirs(Server source, String sourceUploads, Server target, String targetUploads) {
}
