package io.sitemove;

import io.sitemove.spi.DnsRecord;
import java.util.List;

/**
 * A DNS compare-and-swap failed: the records were not what the change expected, so someone else
 * changed them since they were read. Nothing was changed. Permanent: a person checks the zone.
 */
public final class DnsConflictException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient List<DnsRecord> expected;
    private final transient List<DnsRecord> found;

    private DnsConflictException(String reason, List<DnsRecord> expected, List<DnsRecord> found) {
        super(reason, null, false);
        this.expected = List.copyOf(expected);
        this.found = List.copyOf(found);
    }

    /**
     * The records at {@code where} ("zone example.com. at 192.0.2.53") were {@code found} where the change
     * expected {@code expected}.
     */
    public static DnsConflictException of(String where, List<DnsRecord> expected, List<DnsRecord> found) {
        return new DnsConflictException("the DNS records of " + where + " changed since they were read (compare-and-swap"
                + " failed): expected " + expected + " but found " + found + "; nothing was changed: check the zone,"
                + " then run again", expected, found);
    }

    /** The records the change was to replace. */
    public List<DnsRecord> expected() {
        return expected;
    }

    /** The records found instead. */
    public List<DnsRecord> found() {
        return found;
    }
}
