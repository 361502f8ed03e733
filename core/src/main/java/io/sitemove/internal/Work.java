package io.sitemove.internal;

import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.VerificationFailedException;
import io.sitemove.event.SyncTimed;
import io.sitemove.event.VerificationFailed;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the steps do with the plan's plugins: sync, verify, maintenance on and off. */
final class Work {
    private static final Logger log = LoggerFactory.getLogger(Work.class);

    private final MigrationPlan plan;
    private final StepRunner steps;
    private final Contexts.Base base;

    Work(MigrationPlan plan, StepRunner steps) {
        this.plan = plan;
        this.steps = steps;
        this.base = new Contexts.Base(plan.site(), plan.source(), plan.target());
    }

    Contexts.Base base() {
        return base;
    }

    /** One sync as a step of its own. */
    EntryData.Synced syncStep(Phase phase, String step, Syncer s, SyncMode mode, Direction direction) {
        return steps.step(phase, step, EntryData.Synced.class, () -> sync(phase, step, s, mode, direction));
    }

    private EntryData.Synced sync(Phase phase, String step, Syncer s, SyncMode mode, Direction direction) {
        Instant started = steps.clock().instant();
        Optional<String> cursor = steps.state().cursor(s.name(), direction);
        log.info("site {}: {} sync '{}' {} (cursor {})", plan.site(), mode, s.name(), direction, cursor.orElse("none"));
        SyncResult r = s.sync(new Contexts.Sync(base, mode, direction, cursor, steps.reporter(phase, step, started),
                steps.resumed(), c -> steps.append(EntryKind.SYNC_CHECKPOINT, phase, step,
                        new EntryData.Checkpoint(s.name(), mode, direction, c))));
        steps.listeners().fire(l -> l.syncTimed(new SyncTimed(plan.site(), phase, steps.clock().instant(), s.name(),
                mode, direction, r)));
        return new EntryData.Synced(s.name(), mode, direction, started, r);
    }

    /** Runs the verifiers of a stage; throws, naming the failed ones, when asked to and any failed. */
    List<Verification> verify(Phase phase, VerifyStage stage, boolean throwOnFailure) {
        List<Verification> results = new ArrayList<>();
        for (Verifier v : plan.verifiers()) {
            if (!v.stages().contains(stage)) {
                continue;
            }
            Verification r = v.verify(new Contexts.Verify(base, stage, steps.reporter(phase, "verify:" + v.name(),
                    steps.clock().instant()), steps.state().syncs()));
            results.add(r);
            if (!r.passed()) {
                steps.listeners().fire(l -> l.verificationFailed(new VerificationFailed(plan.site(), phase,
                        steps.clock().instant(), r)));
            }
        }
        List<Verification> failed = results.stream().filter(r -> !r.passed()).toList();
        if (throwOnFailure && !failed.isEmpty()) {
            throw new VerificationFailedException(plan.site(), phase, failed);
        }
        return results;
    }

    /** The verifications as a step's data. */
    static EntryData.Verified verified(List<Verification> results, String note) {
        return new EntryData.Verified(results, note);
    }

    /** Turns maintenance on for a side and checks that it reads back as on. */
    EntryData.MaintenanceOn maintenanceOn(Phase phase, Side side, Optional<java.time.Duration> estimate) {
        Contexts.Maintenance ctx = new Contexts.Maintenance(base, side);
        Instant at = steps.clock().instant();
        plan.maintenance().enable(ctx);
        if (!plan.maintenance().isEnabled(ctx)) {
            throw MigrationException.permanent("maintenance mode on " + ctx.server(side) + " was enabled but does not"
                    + " read back as on; the site is not read-only").in(plan.site(), phase, null);
        }
        return new EntryData.MaintenanceOn(at, estimate.orElse(null), "maintenance on for " + ctx.server(side).name());
    }

    /** Turns maintenance off for a side and checks that it reads back as off. */
    EntryData.Note maintenanceOff(Phase phase, Side side) {
        Contexts.Maintenance ctx = new Contexts.Maintenance(base, side);
        plan.maintenance().disable(ctx);
        if (plan.maintenance().isEnabled(ctx)) {
            throw MigrationException.permanent("maintenance mode on " + ctx.server(side) + " is still on after disabling"
                    + " it; turn it off by hand").in(plan.site(), phase, null);
        }
        return new EntryData.Note(side.name().toLowerCase(java.util.Locale.ROOT) + " " + ctx.server(side).name()
                + " out of maintenance");
    }
}
