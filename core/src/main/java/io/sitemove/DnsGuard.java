package io.sitemove;

/**
 * Limits on what one DNS change may do, so a wrong plan or a provider's mistake cannot rewrite a
 * zone. A change is refused, with nothing changed, when it replaces or deletes more than
 * {@code maxRecords} records, or more than {@code maxFraction} of the zone's records (when the
 * provider can tell the zone's size, and the change touches more than two records), or touches an
 * RRset the plan does not switch; unless {@code force}.
 *
 * @param maxRecords the most records one change may replace or delete
 * @param maxFraction the largest share of the zone one change may replace or delete, 0..1
 * @param force whether the limits are lifted
 */
public record DnsGuard(int maxRecords, double maxFraction, boolean force) {
    /** At most 10 records and 30% of the zone per change. */
    public static final DnsGuard DEFAULT = new DnsGuard(10, 0.3, false);

    public DnsGuard {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, was " + maxRecords);
        }
        if (!(maxFraction > 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("maxFraction must be in (0, 1], was " + maxFraction);
        }
    }
}
