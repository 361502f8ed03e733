package io.sitemove.internal;

import io.sitemove.CutoverTooEarlyException;
import io.sitemove.Gate;
import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationReport;
import io.sitemove.MigrationStatus;
import io.sitemove.Phase;
import io.sitemove.PhaseOrderException;
import io.sitemove.PreflightFailedException;
import io.sitemove.SyncRound;
import io.sitemove.VerificationFailedException;
import io.sitemove.event.GateReached;
import io.sitemove.event.PhaseFailed;
import io.sitemove.event.PhaseFinished;
import io.sitemove.event.PhaseStarted;
import io.sitemove.event.Progress;
import io.sitemove.event.StepFinished;
import io.sitemove.event.SyncTimed;
import io.sitemove.event.VerificationFailed;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncDetails;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
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
    private final Listeners listeners;
    private final Contexts.Base base;
    private final PolicyRetry retry;
    private final DnsSteps dns;
    private final Set<Phase> enteredThisRun = EnumSet.noneOf(Phase.class);
    private String currentStep = "";

    public Engine(MigrationPlan plan, Clock clock) {
        this.plan = plan;
        this.site = plan.site();
        this.clock = clock;
        this.state = new JournalState(plan.journal().read(site));
        this.listeners = new Listeners(plan.listeners());
        this.base = new Contexts.Base(site, plan.source(), plan.target());
        this.retry = new PolicyRetry(site, plan.retry());
        this.dns = plan.dns().map(d -> new DnsSteps(site, d, new Contexts.Dns(base, plan.switchRecords()), listeners, clock,
                plan.dnsGuard()))
                .orElse(null);
    }

    // ---- the public operations ----

    public MigrationStatus runTo(Phase target) {
        refuseIfRolledBack();
        for (Phase p : Phase.values()) {
            if (p.compareTo(target) > 0) {
                break;
            }
            if (state.completed(p)) {
                continue;
            }
            boolean goOn = switch (p) {
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
            if (!goOn) {
                break;
            }
        }
        return status();
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
        append(EntryKind.GATE_APPROVED, gate.phase(), gate.name(), Map.of());
        log.info("site {}: gate {} approved", site, gate);
        completePhase(gate.phase(), Map.of());
        return status();
    }

    public SyncRound incrementalSync() {
        refuseIfRolledBack();
        requireCompleted(Phase.INCREMENTAL_SYNC, Phase.OPTIMIZATION);
        if (state.started(Phase.FINAL_SYNC)) {
            throw MigrationException.permanent("the cutover has started; no more incremental syncs").in(site, Phase.INCREMENTAL_SYNC, null);
        }
        int round = state.incrementalRounds() + 1;
        Map<String, SyncResult> results = new LinkedHashMap<>();
        inPhase(Phase.INCREMENTAL_SYNC, () -> {
            long total = 0;
            for (Syncer s : plan.syncers()) {
                Map<String, String> d = step(Phase.INCREMENTAL_SYNC, StepNames.delta(round, s.name()),
                        () -> sync(Phase.INCREMENTAL_SYNC, StepNames.delta(round, s.name()), s, SyncMode.DELTA, Direction.FORWARD));
                results.put(s.name(), toResult(d));
                total += StepData.number(d, StepData.DURATION_MS);
            }
            long roundMs = total;
            step(Phase.INCREMENTAL_SYNC, StepNames.deltaRound(round), () -> Map.of(StepData.DURATION_MS, Long.toString(roundMs)));
            if (!state.completed(Phase.INCREMENTAL_SYNC)) {
                completePhase(Phase.INCREMENTAL_SYNC, Map.of());
            }
        });
        long ms = results.values().stream().mapToLong(r -> r.duration().toMillis()).sum();
        return new SyncRound(round, Duration.ofMillis(ms), results, estimateFinalSync());
    }

    public List<Verification> verify() {
        requireCompleted(Phase.FUNCTIONAL_TESTING, Phase.INITIAL_SYNC);
        return runVerifiers(Phase.OPTIMIZATION, VerifyStage.FUNCTIONAL, false);
    }

    public MigrationStatus cutover() {
        refuseIfRolledBack();
        requireCompleted(Phase.FINAL_SYNC, Phase.MORATORIUM);
        if (state.completed(Phase.FINAL_SYNC)) {
            return status();
        }
        if (!state.started(Phase.FINAL_SYNC)) {
            refuseBeforeTtlExpiry();
        }
        inPhase(Phase.FINAL_SYNC, this::runCutover);
        return status();
    }

    public MigrationStatus rollback() {
        if (state.rolledBack()) {
            return status();
        }
        if (!state.started(Phase.FINAL_SYNC)) {
            throw MigrationException.permanent("nothing to roll back: the cutover has not started and the source still serves the site").in(site, state.firstIncomplete().orElse(Phase.POST_MIGRATION), null);
        }
        if (state.completed(Phase.POST_MIGRATION)) {
            throw MigrationException.permanent("the migration has completed and its watch window"
                    + " ended; to go back, migrate the site back with a new plan").in(site, Phase.POST_MIGRATION, null);
        }
        Phase phase = Phase.POST_MIGRATION;
        guarded(phase, () -> {
            boolean trafficMoved = trafficMoved();
            if (trafficMoved) {
                step(phase, StepNames.ROLLBACK_MAINTENANCE_TARGET, () -> maintenanceOn(Side.TARGET));
                for (Syncer s : plan.syncers()) {
                    step(phase, StepNames.reverse(s.name()),
                            () -> sync(phase, StepNames.reverse(s.name()), s, SyncMode.DELTA, Direction.REVERSE));
                }
            }
            if (dns != null) {
                step(phase, StepNames.ROLLBACK_DNS, () -> {
                    List<DnsRecord> original = originalRecords();
                    String note = dns.change(phase, "revert DNS",
                            List.of(switchedRecords(), finalRecords(), loweredRecords()), original);
                    dns.awaitPropagation(phase, original, plan.propagationTimeout());
                    return Map.of("note", note);
                });
            }
            step(phase, StepNames.ROLLBACK_MAINTENANCE_SOURCE, () -> {
                plan.maintenance().disable(new Contexts.Maintenance(base, Side.SOURCE));
                if (plan.maintenance().isEnabled(new Contexts.Maintenance(base, Side.SOURCE))) {
                    throw MigrationException.permanent("maintenance mode on " + plan.source()
                            + " is still on after disabling it; turn it off by hand").in(site, phase, null);
                }
                return Map.of("note", "source " + plan.source().name() + " out of maintenance");
            });
            append(EntryKind.ROLLBACK_DONE, phase, "rollback", Map.of());
            log.info("site {}: rolled back; {} serves the site again", site, plan.source());
        });
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
        inPhase(Phase.PREFLIGHT, () -> {
            step(Phase.PREFLIGHT, StepNames.PREFLIGHT, () -> {
                List<CheckResult> checks = new ArrayList<>();
                plan.syncers().forEach(s -> checks.addAll(s.preflight(base)));
                plan.verifiers().forEach(v -> checks.addAll(v.preflight(base)));
                plan.dns().ifPresent(d -> {
                    checks.addAll(DnsPreflight.capabilities(d, plan));
                    checks.addAll(d.preflight(base, new Contexts.Dns(base, plan.switchRecords())));
                });
                checks.addAll(plan.maintenance().preflight(base));
                List<CheckResult> failed = checks.stream().filter(c -> !c.passed()).toList();
                if (!failed.isEmpty()) {
                    throw new PreflightFailedException(site, failed);
                }
                Map<String, String> data = new HashMap<>();
                for (int i = 0; i < checks.size(); i++) {
                    data.put("check." + i, checks.get(i).toString());
                }
                return data;
            });
            completePhase(Phase.PREFLIGHT, Map.of());
        });
        return true;
    }

    private boolean initialSync() {
        inPhase(Phase.INITIAL_SYNC, () -> {
            for (Syncer s : plan.syncers()) {
                String step = StepNames.sync(s.name());
                step(Phase.INITIAL_SYNC, step, () -> sync(Phase.INITIAL_SYNC, step, s, SyncMode.FULL, Direction.FORWARD));
            }
            completePhase(Phase.INITIAL_SYNC, Map.of());
        });
        return true;
    }

    private boolean functionalTesting() {
        inPhase(Phase.FUNCTIONAL_TESTING, () -> step(Phase.FUNCTIONAL_TESTING, StepNames.VERIFY,
                () -> verificationData(runVerifiers(Phase.FUNCTIONAL_TESTING, VerifyStage.FUNCTIONAL, true))));
        return passGate(Gate.FUNCTIONAL_TESTING);
    }

    private boolean optimization() {
        inPhase(Phase.OPTIMIZATION, () -> { });
        return passGate(Gate.OPTIMIZATION);
    }

    private boolean passGate(Gate gate) {
        if (state.approved(gate)) {
            if (!state.completed(gate.phase())) {
                completePhase(gate.phase(), Map.of());
            }
            return true;
        }
        log.info("site {}: waiting at gate {}", site, gate);
        listeners.fire(l -> l.gateReached(new GateReached(site, gate.phase(), clock.instant(), gate)));
        return false;
    }

    private boolean moratorium() {
        inPhase(Phase.MORATORIUM, () -> {
            if (dns != null) {
                step(Phase.MORATORIUM, StepNames.DNS_READ, () -> Map.of(StepData.RECORDS, DnsRecords.format(dns.read())));
                step(Phase.MORATORIUM, StepNames.LOWER_TTL, () -> {
                    List<DnsRecord> original = originalRecords();
                    String note = dns.change(Phase.MORATORIUM, "lower TTL to " + plan.lowTtl().toSeconds() + " s",
                            List.of(original), loweredRecords());
                    return Map.of(StepData.AT_MS, Long.toString(clock.millis()),
                            StepData.OLD_TTL, Long.toString(DnsRecords.maxTtl(original)), "note", note);
                });
            }
            completePhase(Phase.MORATORIUM, Map.of());
        });
        return true;
    }

    private void runCutover() {
        Phase phase = Phase.FINAL_SYNC;
        Optional<Duration> estimate = estimateFinalSync();
        plan.backup().ifPresent(b -> step(phase, StepNames.BACKUP, () -> Map.of(StepData.LOCATION,
                b.backup(new Contexts.Backup(base, reporter(phase, StepNames.BACKUP, clock.instant()))))));
        Map<String, String> on = step(phase, StepNames.MAINTENANCE_ON, () -> {
            Map<String, String> d = new HashMap<>(maintenanceOn(Side.SOURCE));
            estimate.ifPresent(e -> d.put(StepData.ESTIMATE_MS, Long.toString(e.toMillis())));
            return d;
        });
        long finalMs = 0;
        for (Syncer s : plan.syncers()) {
            String step = StepNames.finalSync(s.name());
            finalMs += StepData.number(step(phase, step, () -> sync(phase, step, s, SyncMode.FINAL, Direction.FORWARD)),
                    StepData.DURATION_MS);
        }
        step(phase, StepNames.VERIFY, () -> verificationData(runVerifiers(phase, VerifyStage.CUTOVER, true)));
        if (dns != null) {
            step(phase, StepNames.DNS_SWITCH, () -> Map.of("note",
                    dns.change(phase, "switch", List.of(loweredRecords()), switchedRecords())));
            step(phase, StepNames.PROPAGATION, () -> {
                var p = dns.awaitPropagation(phase, switchedRecords(), plan.propagationTimeout());
                return Map.of(StepData.DURATION_MS, Long.toString(p.took().toMillis()), "note",
                        "propagated in " + p.took().toMillis() + " ms: " + new TreeMap<>(p.answers()));
            });
        }
        long downtime = clock.millis() - StepData.number(on, StepData.AT_MS);
        completePhase(phase, Map.of(StepData.DOWNTIME_MS, Long.toString(downtime), "finalSyncMs", Long.toString(finalMs)));
    }

    private boolean postMigration() {
        requireCompleted(Phase.POST_MIGRATION, Phase.FINAL_SYNC);
        inPhase(Phase.POST_MIGRATION, () -> {
            step(Phase.POST_MIGRATION, StepNames.WATCH, this::watch);
            if (dns != null) {
                step(Phase.POST_MIGRATION, StepNames.RESTORE_TTL, () -> Map.of("note", dns.change(Phase.POST_MIGRATION,
                        "restore TTL", List.of(switchedRecords()), finalRecords())));
            }
            step(Phase.POST_MIGRATION, StepNames.CLEANUP, () -> {
                plan.syncers().forEach(s -> s.cleanup(base));
                return Map.of();
            });
            completePhase(Phase.POST_MIGRATION, Map.of());
        });
        return true;
    }

    private Map<String, String> watch() {
        Instant end = clock.instant().plus(plan.watchWindow());
        int rounds = 0;
        List<Verification> last = List.of();
        while (true) {
            last = runVerifiers(Phase.POST_MIGRATION, VerifyStage.WATCH, true);
            rounds++;
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            sleep(left.compareTo(plan.watchInterval()) < 0 ? left : plan.watchInterval());
        }
        Map<String, String> d = new HashMap<>(verificationData(last));
        d.put("note", "watched " + plan.watchWindow().toSeconds() + " s: " + rounds + " round(s) of health checks passed");
        return d;
    }

    // ---- building blocks ----

    private Map<String, String> sync(Phase phase, String step, Syncer s, SyncMode mode, Direction direction) {
        Instant started = clock.instant();
        Optional<String> cursor = state.cursor(s.name(), direction.name());
        log.info("site {}: {} sync '{}' {} (cursor {})", site, mode, s.name(), direction, cursor.orElse("none"));
        SyncResult r = s.sync(new Contexts.Sync(base, mode, direction, cursor, reporter(phase, step, started)));
        listeners.fire(l -> l.syncTimed(new SyncTimed(site, phase, clock.instant(), s.name(), mode, direction, r)));
        return StepData.of(s.name(), mode, direction, r, started.toEpochMilli());
    }

    private Map<String, String> maintenanceOn(Side side) {
        Contexts.Maintenance ctx = new Contexts.Maintenance(base, side);
        long at = clock.millis();
        plan.maintenance().enable(ctx);
        if (!plan.maintenance().isEnabled(ctx)) {
            throw MigrationException.permanent("maintenance mode on "
                    + ctx.server(side) + " was enabled but does not read back as on; the site is not read-only").in(site, state.firstIncomplete().orElse(Phase.POST_MIGRATION), null);
        }
        return Map.of(StepData.AT_MS, Long.toString(at), "note", "maintenance on for " + ctx.server(side).name());
    }

    private List<Verification> runVerifiers(Phase phase, VerifyStage stage, boolean throwOnFailure) {
        List<Verification> results = new ArrayList<>();
        for (Verifier v : plan.verifiers()) {
            if (!v.stages().contains(stage)) {
                continue;
            }
            Verification r = v.verify(new Contexts.Verify(base, stage, reporter(phase, "verify:" + v.name(), clock.instant())));
            results.add(r);
            if (!r.passed()) {
                listeners.fire(l -> l.verificationFailed(new VerificationFailed(site, phase, clock.instant(), r)));
            }
        }
        List<Verification> failed = results.stream().filter(r -> !r.passed()).toList();
        if (throwOnFailure && !failed.isEmpty()) {
            throw new VerificationFailedException(site, phase, failed);
        }
        return results;
    }

    private static Map<String, String> verificationData(List<Verification> results) {
        Map<String, String> d = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Verification v = results.get(i);
            d.put("v." + i, v.verifier() + ": " + (v.passed() ? "PASSED " : "FAILED ") + v.summary());
        }
        return d;
    }

    private ProgressReporter reporter(Phase phase, String step, Instant started) {
        return (done, total) -> listeners.fire(l -> l.progress(new Progress(site, phase, clock.instant(), step, done, total,
                Duration.between(started, clock.instant()))));
    }

    private Map<String, String> step(Phase phase, String step, Supplier<Map<String, String>> action) {
        Optional<JournalEntry> done = state.step(phase, step);
        if (done.isPresent()) {
            log.debug("site {}: step {} of {} already done; skipped", site, step, phase);
            return done.get().data();
        }
        currentStep = step;
        Instant t0 = clock.instant();
        Map<String, String> data = new HashMap<>(retry.run(phase, step, action));
        Duration took = Duration.between(t0, clock.instant());
        data.putIfAbsent(StepData.DURATION_MS, Long.toString(took.toMillis()));
        append(EntryKind.STEP_DONE, phase, step, data);
        listeners.fire(l -> l.stepFinished(new StepFinished(site, phase, clock.instant(), step, took)));
        return data;
    }

    private void inPhase(Phase phase, Runnable body) {
        if (!state.completed(phase) && enteredThisRun.add(phase)) {
            boolean resumed = state.started(phase);
            append(EntryKind.PHASE_STARTED, phase, "", resumed ? Map.of("resumed", "true") : Map.of());
            log.info("site {}: phase {} {}", site, phase, resumed ? "resumed" : "started");
            listeners.fire(l -> l.phaseStarted(new PhaseStarted(site, phase, clock.instant(), resumed)));
        }
        guarded(phase, body);
    }

    private void guarded(Phase phase, Runnable body) {
        currentStep = "";
        try {
            body.run();
        } catch (RuntimeException e) {
            MigrationException failure = retry.located(e, phase, currentStep);
            append(EntryKind.PHASE_FAILED, phase, currentStep, Map.of("message", String.valueOf(failure.getMessage())));
            enteredThisRun.remove(phase);
            log.error("site {}: phase {} failed at step '{}': {}", site, phase, currentStep, failure.getMessage());
            String step = currentStep;
            listeners.fire(l -> l.phaseFailed(new PhaseFailed(site, phase, clock.instant(), step, failure)));
            throw failure;
        }
    }

    private void completePhase(Phase phase, Map<String, String> data) {
        append(EntryKind.PHASE_DONE, phase, "", data);
        Duration took = state.first(EntryKind.PHASE_STARTED, phase)
                .map(e -> Duration.between(e.at(), clock.instant())).orElse(Duration.ZERO);
        log.info("site {}: phase {} done in {} ms", site, phase, took.toMillis());
        listeners.fire(l -> l.phaseFinished(new PhaseFinished(site, phase, clock.instant(), took)));
    }

    private void append(EntryKind kind, Phase phase, String step, Map<String, String> data) {
        JournalEntry e = new JournalEntry(state.lastSeq() + 1, clock.instant(), kind.name(), phase, step, data);
        plan.journal().append(site, e);
        state.add(e);
    }

    private void requireCompleted(Phase requested, Phase upTo) {
        for (Phase p : Phase.values()) {
            if (p.compareTo(upTo) > 0) {
                break;
            }
            if (!state.completed(p)) {
                String advice = switch (p) {
                    case FUNCTIONAL_TESTING -> state.step(p, StepNames.VERIFY).isPresent()
                            ? "approve it with migration.approve(Gate.FUNCTIONAL_TESTING)"
                            : "run migration.runTo(Phase.FUNCTIONAL_TESTING), then approve(Gate.FUNCTIONAL_TESTING)";
                    case OPTIMIZATION -> "run migration.runTo(Phase.OPTIMIZATION), then approve(Gate.OPTIMIZATION)";
                    case INCREMENTAL_SYNC -> "run migration.incrementalSync() at least once";
                    default -> "run migration.runTo(Phase." + p + ") first";
                };
                throw new PhaseOrderException(site, requested, p, advice);
            }
        }
    }

    private Optional<Phase> firstIncompleteBefore(Phase phase) {
        return state.firstIncomplete().filter(p -> p.compareTo(phase) < 0);
    }

    private void refuseIfRolledBack() {
        if (state.rolledBack()) {
            throw MigrationException.permanent("this migration was rolled back; start a new one with a fresh journal").in(site, null, null);
        }
    }

    private void refuseBeforeTtlExpiry() {
        if (dns == null || !plan.waitForTtlExpiry()) {
            return;
        }
        JournalEntry lowered = state.step(Phase.MORATORIUM, StepNames.LOWER_TTL).orElseThrow();
        long oldTtl = StepData.number(lowered.data(), StepData.OLD_TTL);
        Instant notBefore = Instant.ofEpochMilli(StepData.number(lowered.data(), StepData.AT_MS)).plusSeconds(oldTtl);
        if (clock.instant().isBefore(notBefore)) {
            throw new CutoverTooEarlyException(site, notBefore, oldTtl);
        }
    }

    private boolean trafficMoved() {
        if (dns == null) {
            return state.completed(Phase.FINAL_SYNC);
        }
        return state.step(Phase.FINAL_SYNC, StepNames.DNS_SWITCH).isPresent()
                || !DnsRecords.same(dns.read(), loweredRecords());
    }

    private List<DnsRecord> originalRecords() {
        return DnsRecords.parse(state.step(Phase.MORATORIUM, StepNames.DNS_READ).orElseThrow().data().get(StepData.RECORDS));
    }

    private List<DnsRecord> loweredRecords() {
        return DnsRecords.capTtl(originalRecords(), plan.lowTtl().toSeconds());
    }

    private List<DnsRecord> switchedRecords() {
        return DnsRecords.withTtl(plan.switchRecords(), plan.lowTtl().toSeconds());
    }

    private List<DnsRecord> finalRecords() {
        return DnsRecords.restoreTtl(plan.switchRecords(), originalRecords());
    }

    private Optional<Duration> estimateFinalSync() {
        return StatusReader.estimate(state, plan.syncers().stream().map(Syncer::name).toList(), clock.instant());
    }

    private static SyncResult toResult(Map<String, String> d) {
        return new SyncResult(StepData.counts(d), StepData.number(d, StepData.DELETED), StepData.number(d, StepData.ATTRIBUTES),
                Duration.ofMillis(StepData.number(d, StepData.DURATION_MS)), d.getOrDefault(StepData.CURSOR, ""),
                SyncDetails.none());
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrationException.permanent("interrupted during the watch window", e).in(site, Phase.POST_MIGRATION, null);
        }
    }
}
