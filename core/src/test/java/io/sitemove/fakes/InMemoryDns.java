package io.sitemove.fakes;

import io.sitemove.MigrationException;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsCapabilities;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import io.sitemove.spi.Propagation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** A zone in memory with compare-and-swap updates, for engine tests. */
public final class InMemoryDns implements DnsSwitcher {
    private final List<DnsRecord> zone = new ArrayList<>();
    private long serial = 1;
    private int applies;
    private DnsRecord alsoTouch;
    private DnsCapabilities capabilities = new DnsCapabilities(Set.of("A", "AAAA", "CNAME"), true, true);

    private boolean neverPropagates;
    private int propagationChecks;

    public InMemoryDns(List<DnsRecord> records) {
        zone.addAll(records);
    }

    public synchronized List<DnsRecord> records() {
        return List.copyOf(zone);
    }

    /** Someone else edits the zone. */
    public synchronized void replace(DnsRecord old, DnsRecord replacement) {
        zone.remove(old);
        zone.add(replacement);
        serial++;
    }

    /** Makes the provider's plan also delete this record: a provider bug the engine must catch. */
    public synchronized InMemoryDns planAlsoDeleting(DnsRecord record) {
        alsoTouch = record;
        return this;
    }

    public synchronized InMemoryDns capabilities(DnsCapabilities can) {
        capabilities = can;
        return this;
    }

    @Override
    public synchronized DnsCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized OptionalLong zoneRecordCount(DnsContext ctx) {
        return OptionalLong.of(zone.size());
    }

    @Override
    public synchronized DnsChange plan(DnsContext ctx, List<DnsRecord> current, List<DnsRecord> desired) {
        if (alsoTouch == null) {
            return new DnsChange(current, desired);
        }
        List<DnsRecord> before = new ArrayList<>(current);
        before.add(alsoTouch);
        return new DnsChange(before, desired);
    }

    public synchronized int applies() {
        return applies;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public synchronized List<DnsRecord> read(DnsContext ctx) {
        return zone.stream().filter(r -> ctx.switchTo().stream().anyMatch(r::sameSet)).toList();
    }

    @Override
    public synchronized DnsApplyResult apply(DnsContext ctx, DnsChange change) {
        List<DnsRecord> current = zone.stream().filter(r -> change.before().stream().anyMatch(r::sameSet)
                || change.after().stream().anyMatch(r::sameSet)).toList();
        if (!new HashSet<>(current).equals(new HashSet<>(change.before()))) {
            throw MigrationException.permanent("compare-and-swap failed");
        }
        zone.removeAll(change.before());
        zone.addAll(change.after());
        applies++;
        return new DnsApplyResult(change.after(), ++serial);
    }

    /** From now on no propagation check completes: a secondary that never transfers the zone. */
    public synchronized InMemoryDns neverPropagates() {
        neverPropagates = true;
        return this;
    }

    /** How many times a propagation was waited for. */
    public synchronized int propagationChecks() {
        return propagationChecks;
    }

    @Override
    public synchronized Propagation awaitPropagation(DnsContext ctx, List<DnsRecord> expected, Duration timeout) {
        propagationChecks++;
        boolean complete = !neverPropagates && new HashSet<>(read(ctx)).equals(new HashSet<>(expected));
        return new Propagation(complete, Map.of("memory", neverPropagates ? "(stale)" : read(ctx).toString()), Duration.ZERO);
    }
}
