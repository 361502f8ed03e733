package io.sitemove.internal;

import io.sitemove.DnsGuard;
import io.sitemove.ChangeRefusedException;
import io.sitemove.DnsConflictException;
import io.sitemove.MigrationException;
import io.sitemove.Phase;
import io.sitemove.event.DnsSwitched;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import io.sitemove.spi.Propagation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** DNS changes made idempotent: applied only from an expected state, skipped when already made. */
final class DnsSteps {
    private final String site;
    private final DnsSwitcher switcher;
    private final DnsContext ctx;
    private final Listeners listeners;
    private final Clock clock;
    private static final String FORCE = "DnsCutover.builder(...).forceChanges(true)";

    private final DnsGuard guard;

    DnsSteps(String site, DnsSwitcher switcher, DnsContext ctx, Listeners listeners, Clock clock, DnsGuard guard) {
        this.site = site;
        this.switcher = switcher;
        this.ctx = ctx;
        this.listeners = listeners;
        this.clock = clock;
        this.guard = guard;
    }

    List<DnsRecord> read() {
        return switcher.read(ctx);
    }

    /**
     * Changes the records to {@code after} if they are now one of {@code befores}; does nothing if
     * they already are {@code after}; refuses, changing nothing, if they are anything else.
     *
     * @return a report line
     */
    String change(Phase phase, String purpose, List<List<DnsRecord>> befores, List<DnsRecord> after) {
        List<DnsRecord> current = switcher.read(ctx);
        if (DnsRecords.same(current, after)) {
            return purpose + ": already in place";
        }
        List<DnsRecord> before = befores.stream().filter(b -> DnsRecords.same(b, current)).findFirst()
                .orElseThrow(() -> DnsConflictException.of(switcher.name() + " (to " + purpose + ")", befores.get(0), current)
                        .in(site, phase, null));
        DnsChange change = switcher.plan(ctx, before, after);
        guard(phase, purpose, change);
        DnsApplyResult result = switcher.apply(ctx, change);
        listeners.fire(l -> l.dnsSwitched(new DnsSwitched(site, phase, clock.instant(), purpose, change, result.serial())));
        return purpose + ": " + String.join(", ", change.describe())
                + (result.serial() >= 0 ? " (serial " + result.serial() + ")" : "");
    }

    /** Refuses, changing nothing, a change that touches RRsets the plan does not switch or too many records. */
    private void guard(Phase phase, String purpose, DnsChange change) {
        if (guard.force()) {
            return;
        }
        List<DnsRecord> touched = new ArrayList<>(change.before());
        touched.addAll(change.after());
        List<DnsRecord> outside = touched.stream().filter(r -> ctx.switchTo().stream().noneMatch(r::sameSet)).toList();
        if (!outside.isEmpty()) {
            throw ChangeRefusedException.outsidePlan(purpose, outside.size(), outside + " (the plan switches "
                    + ctx.switchTo() + ")", FORCE).in(site, phase, null);
        }
        long replaced = change.before().stream().filter(r -> !change.after().contains(r)).count();
        if (replaced > guard.maxRecords()) {
            throw ChangeRefusedException.tooMany(purpose, replaced, zoneSize(), guard.maxRecords(), FORCE).in(site, phase, null);
        }
        OptionalLong zone = switcher.zoneRecordCount(ctx);
        if (zone.isPresent() && replaced > 2 && replaced > guard.maxFraction() * zone.getAsLong()) {
            throw ChangeRefusedException.tooLarge(purpose, replaced, zone.getAsLong(), guard.maxFraction(), FORCE)
                    .in(site, phase, null);
        }
    }

    private long zoneSize() {
        return switcher.zoneRecordCount(ctx).orElse(-1);
    }

    /**
     * Waits for every authoritative server to answer {@code expected}. When they do not within the
     * timeout, the failure is permanent: the switcher already waited the whole timeout, so retrying the
     * step would only keep the site in maintenance longer; a person checks the secondaries.
     */
    Propagation awaitPropagation(Phase phase, List<DnsRecord> expected, Duration timeout) {
        Propagation p = switcher.awaitPropagation(ctx, expected, timeout);
        if (!p.complete()) {
            throw MigrationException.permanent("not every authoritative server answers " + expected + " after "
                    + timeout.toSeconds() + " s: " + p.answers() + "; check the secondaries' zone transfers, then run again")
                    .in(site, phase, null);
        }
        return p;
    }
}
