package io.sitemove.spi;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and changes the DNS records that send visitors to the site. The engine reads the current
 * records, journals them, lowers their TTL in the moratorium, switches them at the cutover and
 * reverts them exactly on rollback: every change is a compare-and-swap on what was read.
 */
public interface DnsSwitcher {
    /** A name for reports. */
    String name();

    /** The current records at the names and types of {@link DnsContext#switchTo()}. */
    List<DnsRecord> read(DnsContext ctx);

    /** The change from {@code current} to {@code desired}; providers may refuse here what they cannot do. */
    default DnsChange plan(DnsContext ctx, List<DnsRecord> current, List<DnsRecord> desired) {
        return new DnsChange(current, desired);
    }

    /**
     * Applies the change only if the records still are {@link DnsChange#before()}; otherwise throws,
     * having changed nothing.
     */
    DnsApplyResult apply(DnsContext ctx, DnsChange change);

    /** Waits until every authoritative server answers {@code expected}, or the timeout passes. */
    Propagation awaitPropagation(DnsContext ctx, List<DnsRecord> expected, Duration timeout);

    /** What this provider can do; the engine refuses at preflight a plan it cannot carry out. */
    default DnsCapabilities capabilities() {
        return new DnsCapabilities(Set.of("A", "AAAA", "CNAME"), true, false);
    }

    /**
     * How many records the zone holds in all, for the guard against mass changes; empty when the
     * provider cannot tell, in which case only the guard on names applies.
     */
    default OptionalLong zoneRecordCount(DnsContext ctx) {
        return OptionalLong.empty();
    }

    /** Checks, without changing anything, that the records can be read and changed. */
    default List<CheckResult> preflight(PreflightContext ctx, DnsContext dns) {
        return List.of();
    }
}
