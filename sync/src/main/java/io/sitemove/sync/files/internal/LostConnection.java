package io.sitemove.sync.files.internal;

import io.sitemove.Server;
import io.sitemove.remote.ssh.SshConnectException;

/**
 * The words of a file sync for a connection lost or a wait interrupted: each names the server, what was being
 * done and what the next sync does about it, through the typed factories of {@link SshConnectException}, so
 * the server stays attached and a wait that ran out is named as such.
 */
final class LostConnection {
    /** What the next sync does after a transfer into a staging directory was cut off. */
    static final String STAGED_RESUMES = "the next sync keeps the files that arrived whole and sends the rest";
    /** What the next sync does after the direct transfer (rsync) was cut off. */
    static final String DIRECT_RESUMES = "the next sync keeps what rsync placed and sends the rest";
    /** What the next sync does after a script of idempotent commands (placing, removing, fixing) was cut off. */
    static final String REPEATS = "the next sync finds what is left to do and does it";
    /** What the next sync does after a step that changed nothing was cut off. */
    static final String STARTS_OVER = "nothing was changed; the next sync does it again";

    private LostConnection() {
    }

    /** The connection to {@code server} was lost (cut or silent) while {@code doing}. Transient. */
    static SshConnectException of(Server server, String doing, String next, Throwable cause) {
        return SshConnectException.lost(server, doing, next, cause);
    }

    /** The caller was interrupted while {@code doing} on {@code server}. Transient. */
    static SshConnectException interrupted(Server server, String doing, InterruptedException cause) {
        return SshConnectException.interrupted(server, doing, cause);
    }

    /**
     * A failure from the remote layer (say, a {@code waitFor} on a connection already gone) told again with
     * what the file sync was doing, when it is a lost connection; anything else is returned as it is.
     */
    static RuntimeException retold(RuntimeException failure, Server server, String doing, String next) {
        if (failure instanceof SshConnectException lost && !lost.timedOut() && lost.getCause() != null) {
            SshConnectException told = of(server, doing, next, lost.getCause());
            told.addSuppressed(lost);
            return told;
        }
        return failure;
    }
}
