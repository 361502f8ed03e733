package io.sitemove.remote.ssh;

import io.sitemove.MigrationException;

/** The server refused the login (wrong key, key not installed, unreadable key file). Permanent. */
public final class SshAuthException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names user@host:port and the key file, never key contents. */
    public SshAuthException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
