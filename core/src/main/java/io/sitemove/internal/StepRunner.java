package io.sitemove.internal;

import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.VerificationFailedException;
import io.sitemove.event.PhaseFailed;
import io.sitemove.event.PhaseFinished;
import io.sitemove.event.PhaseStarted;
import io.sitemove.event.Progress;
import io.sitemove.event.StepFinished;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.ProgressReporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs steps and phases against the journal: a step that the journal says is done is skipped and its
 * data returned; one that is not runs under the retry policy and is journaled when it completes. A
 * failure is journaled where it happened and leaves as the same exception, now naming site, phase and step.
 */
final class StepRunner {
    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final MigrationPlan plan;
    private final String site;
    private final Clock clock;
    private final JournalState state;
    private final Listeners listeners;
    private final PolicyRetry retry;
    private final JournalLease lease;
    private final Set<Phase> enteredThisRun = EnumSet.noneOf(Phase.class);
    private String currentStep = "";
    private boolean resumed;

    StepRunner(MigrationPlan plan, Clock clock, JournalState state, Listeners listeners, JournalLease lease) {
        this.lease = lease;
        this.plan = plan;
        this.site = plan.site();
        this.clock = clock;
        this.state = state;
        this.listeners = listeners;
        this.retry = new PolicyRetry(site, plan.retry());
    }

    JournalState state() {
        return state;
    }

    Listeners listeners() {
        return listeners;
    }

    Clock clock() {
        return clock;
    }

    String site() {
        return site;
    }

    /** Runs a step unless the journal says it is done; returns its data either way. */
    EntryData step(Phase phase, String step, Supplier<? extends EntryData> action) {
        Optional<JournalEntry> done = state.step(phase, step);
        if (done.isPresent()) {
            log.debug("site {}: step {} of {} already done; skipped", site, step, phase);
            return done.get().data();
        }
        currentStep = step;
        if (lease == null) {
            throw new IllegalStateException("step " + step + " run without the site's lease");
        }
        lease.check();
        resumed = state.resumable(phase, step);
        append(EntryKind.STEP_STARTED, phase, step, EntryData.None.INSTANCE);
        Instant t0 = clock.instant();
        EntryData data = retry.run(phase, step, () -> {
            try {
                return action.get();
            } finally {
                resumed = true;
            }
        });
        Duration took = Duration.between(t0, clock.instant());
        append(EntryKind.STEP_DONE, phase, step, data);
        listeners.fire(l -> l.stepFinished(new StepFinished(site, phase, clock.instant(), step, took)));
        return data;
    }

    /** Runs a step whose data is of a known type. */
    <T extends EntryData> T step(Phase phase, String step, Class<T> type, Supplier<T> action) {
        EntryData data = step(phase, step, action);
        if (!type.isInstance(data)) {
            throw MigrationException.permanent("the journal's entry for step '" + step + "' holds " + data.getClass()
                    .getSimpleName() + " where " + type.getSimpleName() + " was expected; the journal is not this plan's")
                    .in(site, phase, step);
        }
        return type.cast(data);
    }

    /** Whether the step running now may find its own partial work: see {@link io.sitemove.spi.SyncContext#resumed()}. */
    boolean resumed() {
        return resumed;
    }

    /** Runs the body as the phase: journals its start once per run, and its failure where it happens. */
    void inPhase(Phase phase, Runnable body) {
        if (!state.completed(phase) && enteredThisRun.add(phase)) {
            boolean resumed = state.started(phase);
            append(EntryKind.PHASE_STARTED, phase, "", new EntryData.Started(resumed));
            log.info("site {}: phase {} {}", site, phase, resumed ? "resumed" : "started");
            listeners.fire(l -> l.phaseStarted(new PhaseStarted(site, phase, clock.instant(), resumed)));
        }
        guarded(phase, body);
    }

    /** Runs the body; a failure is journaled with the step it happened in and thrown on. */
    void guarded(Phase phase, Runnable body) {
        currentStep = "";
        try {
            body.run();
        } catch (RuntimeException e) {
            String step = currentStep;
            MigrationException failure = retry.located(e, phase, step);
            append(EntryKind.PHASE_FAILED, phase, step, new EntryData.Failed(failure.getMessage(),
                    failure.getClass().getName(), failure.wasTransient(),
                    failure instanceof VerificationFailedException v ? v.findings() : List.of()));
            enteredThisRun.remove(phase);
            log.error("site {}: phase {} failed at step '{}': {}", site, phase, step, failure.reason());
            listeners.fire(l -> l.phaseFailed(new PhaseFailed(site, phase, clock.instant(), step, failure)));
            throw failure;
        }
    }

    void completePhase(Phase phase, EntryData data) {
        append(EntryKind.PHASE_DONE, phase, "", data);
        Duration took = state.first(EntryKind.PHASE_STARTED, phase)
                .map(e -> Duration.between(e.at(), clock.instant())).orElse(Duration.ZERO);
        log.info("site {}: phase {} done in {} ms", site, phase, took.toMillis());
        listeners.fire(l -> l.phaseFinished(new PhaseFinished(site, phase, clock.instant(), took)));
    }

    /** Journals an entry; safe from any thread (a syncer's checkpoint comes from the sync's own). */
    synchronized void append(EntryKind kind, Phase phase, String step, EntryData data) {
        JournalEntry e = new JournalEntry(state.lastSeq() + 1, clock.instant(), kind, phase, step, data);
        plan.journal().append(site, e);
        state.add(e);
    }

    ProgressReporter reporter(Phase phase, String step, Instant started) {
        return (done, total) -> listeners.fire(l -> l.progress(new Progress(site, phase, clock.instant(), step, done, total,
                Duration.between(started, clock.instant()))));
    }
}
