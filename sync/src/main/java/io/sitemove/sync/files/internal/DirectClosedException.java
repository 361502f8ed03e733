package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;

/**
 * The direct route cannot carry a transfer: a tool is missing on one of the servers, or the sender cannot
 * reach the receiver's SSH port. Nothing was changed on either server.
 */
public final class DirectClosedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public DirectClosedException(String problem) {
        super("the direct route is closed: " + problem, null, false);
        this.problem = problem;
    }

    /** What closes the route, for a message. */
    public String problem() {
        return problem;
    }
}
