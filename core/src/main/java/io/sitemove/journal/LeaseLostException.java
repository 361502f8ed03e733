package io.sitemove.journal;

import io.sitemove.MigrationException;

/**
 * This runner's lease on a site's journal was lost while it ran: another runner took it over, or it
 * expired. The run stops before its next step; the journal says where.
 */
public final class LeaseLostException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private LeaseLostException(String reason) {
        super(reason, null, false);
    }

    /** The lease at {@code where} that {@code holder} took is gone, for the reason given. */
    public static LeaseLostException lost(Object where, Object holder, String why) {
        return new LeaseLostException("the lease of " + where + " taken by " + holder + " was lost (" + why + "); this run"
                + " stops before its next step: check who runs the migration now");
    }
}
