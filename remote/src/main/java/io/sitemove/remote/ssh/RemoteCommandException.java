package io.sitemove.remote.ssh;

import io.sitemove.MigrationException;

/** A remote command ended with a non-zero exit code. Permanent: the same command would fail again. */
public final class RemoteCommandException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** Creates the exception; the message names the server, the command, the exit code and stderr's tail. */
    public RemoteCommandException(String message, int exitCode) {
        super(message, null, false);
        this.exitCode = exitCode;
    }

    /** The command's exit code. */
    public int exitCode() {
        return exitCode;
    }
}
