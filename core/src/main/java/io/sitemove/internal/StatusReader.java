package io.sitemove.internal;

import io.sitemove.Gate;
import io.sitemove.MigrationStatus;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads a migration's status off its journal state. */
final class StatusReader {
    private StatusReader() {
    }

    static MigrationStatus status(String site, JournalState s, Optional<Duration> estimate, Clock clock) {
        Optional<Gate> awaiting = awaiting(s);
        State st;
        if (s.rolledBack()) {
            st = State.ROLLED_BACK;
        } else if (s.completed(Phase.POST_MIGRATION)) {
            st = State.COMPLETED;
        } else if (s.lastFailure().isPresent()) {
            st = State.FAILED;
        } else if (s.isEmpty()) {
            st = State.NOT_STARTED;
        } else if (awaiting.isPresent()) {
            st = State.AWAITING_APPROVAL;
        } else {
            st = State.IN_PROGRESS;
        }
        Optional<Instant> notBefore = s.stepData(Phase.MORATORIUM, StepNames.LOWER_TTL, EntryData.TtlLowered.class)
                .map(EntryData.TtlLowered::notBefore);
        return new MigrationStatus(site, st, s.firstIncomplete().orElse(Phase.POST_MIGRATION),
                s.completedPhases(), awaiting, s.lastFailure().map(StatusReader::failureMessage), s.incrementalRounds(),
                estimate, notBefore);
    }

    private static Optional<Gate> awaiting(JournalState s) {
        if (s.step(Phase.FUNCTIONAL_TESTING, StepNames.VERIFY).isPresent() && !s.approved(Gate.FUNCTIONAL_TESTING)) {
            return Optional.of(Gate.FUNCTIONAL_TESTING);
        }
        if (s.started(Phase.OPTIMIZATION) && !s.approved(Gate.OPTIMIZATION)) {
            return Optional.of(Gate.OPTIMIZATION);
        }
        return Optional.empty();
    }

    private static String failureMessage(JournalEntry e) {
        return e.data(EntryData.Failed.class).map(EntryData.Failed::message).orElse("failed at step '" + e.step() + "'");
    }

    /** The final sync's estimate: the sum of each syncer's, empty until one has a delta. */
    static Optional<Duration> estimate(JournalState s, List<String> syncers, Instant now) {
        Duration total = Duration.ZERO;
        boolean any = false;
        for (String name : syncers) {
            List<DowntimeEstimator.Sample> history = s.syncs().stream()
                    .filter(e -> name.equals(e.syncer()) && e.direction() == Direction.FORWARD && e.mode() != SyncMode.FINAL)
                    .map(e -> new DowntimeEstimator.Sample(e.started(), e.result().duration(), e.result().changes(),
                            e.mode() == SyncMode.DELTA))
                    .toList();
            Optional<Duration> e = DowntimeEstimator.estimate(history, now);
            if (e.isPresent()) {
                total = total.plus(e.get());
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }
}
