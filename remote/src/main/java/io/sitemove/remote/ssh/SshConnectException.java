package io.sitemove.remote.ssh;

import io.sitemove.MigrationException;

/** The server could not be reached, or the connection dropped. Usually transient. */
public final class SshConnectException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code transientFailure} says whether trying again may help. */
    public SshConnectException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause, transientFailure);
    }
}
