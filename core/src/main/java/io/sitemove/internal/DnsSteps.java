package io.sitemove.internal;

import io.sitemove.DnsGuard;
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
                .orElseThrow(() -> MigrationException.permanent("cannot " + purpose + ": the records were changed by"
                        + " someone else; expected " + befores.get(0) + " but found " + current
                        + "; nothing was changed: check the zone, then run again").in(site, phase, null));
        DnsChange change = switcher.plan(ctx, before, after);
        guard(phase, purpose, change);
        DnsApplyResult result = switcher.apply(ctx, change);
        listeners.fire(l -> l.dnsSwitched(new DnsSwitched(site, phase, clock.instant(), purpose, change, result.serial())));
        return purpose + ": " + String.join(", ", change.describe()) + (result.serial() >= 0 ? " (serial " + result.serial() + ")" : "");
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
            throw refused(phase, purpose, "it would touch " + outside + ", which the plan does not switch");
        }
        long replaced = change.before().stream().filter(r -> !change.after().contains(r)).count();
        if (replaced > guard.maxRecords()) {
            throw refused(phase, purpose, "it would replace or delete " + replaced + " records, more than the limit of "
                    + guard.maxRecords());
        }
        OptionalLong zone = switcher.zoneRecordCount(ctx);
        if (zone.isPresent() && replaced > 2 && replaced > guard.maxFraction() * zone.getAsLong()) {
            throw refused(phase, purpose, "it would replace or delete " + replaced + " of the zone's " + zone.getAsLong()
                    + " records, more than " + Math.round(guard.maxFraction() * 100) + "%");
        }
    }

    private MigrationException refused(Phase phase, String purpose, String why) {
        return MigrationException.permanent("refused to " + purpose + ": " + why + "; nothing was changed;"
                + " check the plan, or build it with forceDnsChanges(true) if this is intended").in(site, phase, null);
    }

    /** Waits for every authoritative server to answer {@code expected}; throws a transient failure when they do not. */
    Propagation awaitPropagation(Phase phase, List<DnsRecord> expected, Duration timeout) {
        Propagation p = switcher.awaitPropagation(ctx, expected, timeout);
        if (!p.complete()) {
            throw MigrationException.retryable("not every authoritative server answers " + expected + " after "
                    + timeout.toSeconds() + " s: " + p.answers() + "; check the secondaries' zone transfers", null).in(site, phase, null);
        }
        return p;
    }
}
