package io.sitemove;

import java.time.Instant;

/** The cutover was asked for before the DNS records' old TTL had expired since it was lowered. */
public class CutoverTooEarlyException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final Instant notBefore;

    public CutoverTooEarlyException(String site, Instant notBefore, long oldTtlSeconds) {
        super("the cutover may not start before " + notBefore
                + ": resolvers may still cache the old records for their old TTL of " + oldTtlSeconds
                + " s, which was lowered at " + notBefore.minusSeconds(oldTtlSeconds)
                + "; wait, or build the plan with waitForTtlExpiry(false) to accept stale caches", null, false);
        in(site, Phase.FINAL_SYNC, null);
        this.notBefore = notBefore;
    }

    /** The earliest time the cutover may start. */
    public Instant notBefore() {
        return notBefore;
    }
}
