package io.sitemove.internal;

import io.sitemove.Gate;
import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationReport;
import io.sitemove.MigrationStatus;
import io.sitemove.Phase;
import io.sitemove.PhaseOrderException;
import io.sitemove.PreflightFailedException;
import io.sitemove.SyncRound;
import io.sitemove.event.GateReached;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one site's phases. Every step is journaled when it completes and skipped when the journal
 * says it completed, so a run that died continues where it stopped. Not thread-safe: {@code Migration}
 * serialises calls.
 */
public final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final MigrationPlan plan;
    private final String site;
    private final Clock clock;
    private final JournalState state;
    private final StepRunner steps;
    private final Work work;
    private final Optional<DnsMoves> dns;
    private final Cutover cutover;
    private final PostMigration post;

    /**
     * An engine over the journal as it is now; {@code lease} (null for reading the status only) is checked
     * before every step.
     */
    public Engine(MigrationPlan plan, Clock clock, JournalLease lease) {
        this.plan = plan;
        this.site = plan.site();
        this.clock = clock;
        this.state = new JournalState(plan.journal().read(site));
        Listeners listeners = new Listeners(plan.listeners());
        this.steps = new StepRunner(plan, clock, state, listeners, lease);
        this.work = new Work(plan, steps);
        this.dns = plan.dns().map(d -> new DnsMoves(d, new DnsSteps(site, d.switcher(),
                new Contexts.Dns(work.base(), d.records()), listeners, clock, d.guard()), steps));
        this.cutover = new Cutover(plan, steps, work, dns);
        this.post = new PostMigration(plan, steps, work, dns);
    }

    // ---- the public operations ----

    public MigrationStatus runTo(Phase target) {
        refuseIfRolledBack();
        for (Phase p : Phase.values()) {
            if (p.compareTo(target) > 0) {
                break;
            }
            if (!state.completed(p) && !run(p)) {
                break;
            }
        }
        return status();
    }

    /** Runs one phase; false when it stopped at a gate. */
    private boolean run(Phase p) {
        return switch (p) {
            case PREFLIGHT -> preflight();
            case INITIAL_SYNC -> initialSync();
            case FUNCTIONAL_TESTING -> functionalTesting();
            case OPTIMIZATION -> optimization();
            case INCREMENTAL_SYNC -> {
                incrementalSync();
                yield true;
            }
            case MORATORIUM -> moratorium();
            case FINAL_SYNC -> {
                cutover();
                yield true;
            }
            case POST_MIGRATION -> postMigration();
        };
    }

    public MigrationStatus approve(Gate gate) {
        refuseIfRolledBack();
        if (state.approved(gate)) {
            return status();
        }
        boolean reached = gate == Gate.FUNCTIONAL_TESTING
                ? state.step(Phase.FUNCTIONAL_TESTING, StepNames.VERIFY).isPresent()
                : state.completed(Phase.FUNCTIONAL_TESTING);
        if (!reached) {
            Phase missing = gate == Gate.FUNCTIONAL_TESTING ? firstIncompleteBefore(Phase.FUNCTIONAL_TESTING)
                    .orElse(Phase.FUNCTIONAL_TESTING) : firstIncompleteBefore(Phase.OPTIMIZATION).orElseThrow();
            throw new PhaseOrderException(site, gate.phase(), missing, "the gate " + gate
                    + " can be approved only once the run has reached it: run migration.runTo(Phase." + gate.phase() + ")");
        }
        steps.append(EntryKind.GATE_APPROVED, gate.phase(), gate.name(), EntryData.None.INSTANCE);
        log.info("site {}: gate {} approved", site, gate);
        steps.completePhase(gate.phase(), EntryData.None.INSTANCE);
        return status();
    }

    public SyncRound incrementalSync() {
        refuseIfRolledBack();
        requireCompleted(Phase.INCREMENTAL_SYNC, Phase.OPTIMIZATION);
        if (state.started(Phase.FINAL_SYNC)) {
            throw MigrationException.permanent("the cutover has started; no more incremental syncs")
                    .in(site, Phase.INCREMENTAL_SYNC, null);
        }
        int round = state.incrementalRounds() + 1;
        Map<String, SyncResult> results = new LinkedHashMap<>();
        steps.inPhase(Phase.INCREMENTAL_SYNC, () -> {
            Duration total = Duration.ZERO;
            for (Syncer s : plan.syncers()) {
                SyncResult r = work.syncStep(Phase.INCREMENTAL_SYNC, StepNames.delta(round, s.name()), s, SyncMode.DELTA,
                        Direction.FORWARD).result();
                results.put(s.name(), r);
                total = total.plus(r.duration());
            }
            Duration roundTook = total;
            steps.step(Phase.INCREMENTAL_SYNC, StepNames.deltaRound(round), () -> new EntryData.Round(round, roundTook));
            if (!state.completed(Phase.INCREMENTAL_SYNC)) {
                steps.completePhase(Phase.INCREMENTAL_SYNC, EntryData.None.INSTANCE);
            }
        });
        Duration took = results.values().stream().map(SyncResult::duration).reduce(Duration.ZERO, Duration::plus);
        return new SyncRound(round, took, results, estimateFinalSync());
    }

    public List<Verification> verify() {
        requireCompleted(Phase.FUNCTIONAL_TESTING, Phase.INITIAL_SYNC);
        return work.verify(Phase.OPTIMIZATION, VerifyStage.FUNCTIONAL, false);
    }

    public MigrationStatus cutover() {
        refuseIfRolledBack();
        requireCompleted(Phase.FINAL_SYNC, Phase.MORATORIUM);
        if (state.completed(Phase.FINAL_SYNC)) {
            return status();
        }
        if (!state.started(Phase.FINAL_SYNC)) {
            dns.ifPresent(DnsMoves::refuseBeforeTtlExpiry);
        }
        Optional<Duration> estimate = estimateFinalSync();
        steps.inPhase(Phase.FINAL_SYNC, () -> cutover.run(estimate));
        return status();
    }

    public MigrationStatus rollback() {
        if (state.rolledBack()) {
            return status();
        }
        if (!state.started(Phase.FINAL_SYNC)) {
            throw MigrationException.permanent("nothing to roll back: the cutover has not started and the source still"
                    + " serves the site").in(site, state.firstIncomplete().orElse(Phase.POST_MIGRATION), null);
        }
        if (state.completed(Phase.POST_MIGRATION)) {
            throw MigrationException.permanent("the migration has completed and its watch window ended; to go back,"
                    + " migrate the site back with a new plan").in(site, Phase.POST_MIGRATION, null);
        }
        cutover.rollback();
        return status();
    }

    public MigrationStatus status() {
        return StatusReader.status(site, state, estimateFinalSync(), clock);
    }

    public MigrationReport report() {
        return ReportReader.report(site, state, status(), clock);
    }

    // ---- phases ----

    private boolean preflight() {
        steps.inPhase(Phase.PREFLIGHT, () -> {
            steps.step(Phase.PREFLIGHT, StepNames.PREFLIGHT, () -> {
                List<CheckResult> checks = preflightChecks();
                List<CheckResult> failed = checks.stream().filter(c -> !c.passed()).toList();
                if (!failed.isEmpty()) {
                    throw new PreflightFailedException(site, failed);
                }
                return new EntryData.Checks(checks);
            });
            steps.completePhase(Phase.PREFLIGHT, EntryData.None.INSTANCE);
        });
        return true;
    }

    private List<CheckResult> preflightChecks() {
        List<CheckResult> checks = new ArrayList<>();
        plan.syncers().forEach(s -> checks.addAll(s.preflight(work.base())));
        plan.verifiers().forEach(v -> checks.addAll(v.preflight(work.base())));
        plan.dns().ifPresent(d -> {
            checks.addAll(DnsPreflight.capabilities(d));
            checks.addAll(d.switcher().preflight(work.base(), new Contexts.Dns(work.base(), d.records())));
        });
        checks.addAll(plan.maintenance().preflight(work.base()));
        return checks;
    }

    private boolean initialSync() {
        steps.inPhase(Phase.INITIAL_SYNC, () -> {
            for (Syncer s : plan.syncers()) {
                work.syncStep(Phase.INITIAL_SYNC, StepNames.sync(s.name()), s, SyncMode.FULL, Direction.FORWARD);
            }
            steps.completePhase(Phase.INITIAL_SYNC, EntryData.None.INSTANCE);
        });
        return true;
    }

    private boolean functionalTesting() {
        steps.inPhase(Phase.FUNCTIONAL_TESTING, () -> steps.step(Phase.FUNCTIONAL_TESTING, StepNames.VERIFY,
                () -> Work.verified(work.verify(Phase.FUNCTIONAL_TESTING, VerifyStage.FUNCTIONAL, true), "")));
        return passGate(Gate.FUNCTIONAL_TESTING);
    }

    private boolean optimization() {
        steps.inPhase(Phase.OPTIMIZATION, () -> { });
        return passGate(Gate.OPTIMIZATION);
    }

    private boolean passGate(Gate gate) {
        if (state.approved(gate)) {
            if (!state.completed(gate.phase())) {
                steps.completePhase(gate.phase(), EntryData.None.INSTANCE);
            }
            return true;
        }
        log.info("site {}: waiting at gate {}", site, gate);
        steps.listeners().fire(l -> l.gateReached(new GateReached(site, gate.phase(), clock.instant(), gate)));
        return false;
    }

    private boolean moratorium() {
        steps.inPhase(Phase.MORATORIUM, () -> {
            dns.ifPresent(DnsMoves::lowerTtl);
            steps.completePhase(Phase.MORATORIUM, EntryData.None.INSTANCE);
        });
        return true;
    }

    private boolean postMigration() {
        requireCompleted(Phase.POST_MIGRATION, Phase.FINAL_SYNC);
        steps.inPhase(Phase.POST_MIGRATION, post::run);
        return true;
    }

    // ---- checks ----

    private void requireCompleted(Phase requested, Phase upTo) {
        for (Phase p : Phase.values()) {
            if (p.compareTo(upTo) > 0) {
                break;
            }
            if (!state.completed(p)) {
                throw new PhaseOrderException(site, requested, p, advice(p));
            }
        }
    }

    private String advice(Phase missing) {
        return switch (missing) {
            case FUNCTIONAL_TESTING -> state.step(missing, StepNames.VERIFY).isPresent()
                    ? "approve it with migration.approve(Gate.FUNCTIONAL_TESTING)"
                    : "run migration.runTo(Phase.FUNCTIONAL_TESTING), then approve(Gate.FUNCTIONAL_TESTING)";
            case OPTIMIZATION -> "run migration.runTo(Phase.OPTIMIZATION), then approve(Gate.OPTIMIZATION)";
            case INCREMENTAL_SYNC -> "run migration.incrementalSync() at least once";
            default -> "run migration.runTo(Phase." + missing + ") first";
        };
    }

    private Optional<Phase> firstIncompleteBefore(Phase phase) {
        return state.firstIncomplete().filter(p -> p.compareTo(phase) < 0);
    }

    private void refuseIfRolledBack() {
        if (state.rolledBack()) {
            throw MigrationException.permanent("this migration was rolled back; start a new one with a fresh journal")
                    .in(site, null, null);
        }
    }

    private Optional<Duration> estimateFinalSync() {
        return StatusReader.estimate(state, plan.syncers().stream().map(Syncer::name).toList(), clock.instant());
    }
}
