package io.sitemove;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where a migration stands, read from its journal.
 *
 * @param site the site
 * @param state the overall state
 * @param phase the phase it is in: the first not completed (POST_MIGRATION once all are)
 * @param completed the phases completed
 * @param awaiting the gate it waits at, if any
 * @param failure the last failure's message, while the failed phase has not been run again
 * @param incrementalSyncs how many incremental syncs completed
 * @param estimatedFinalSync the final sync's estimated duration from the incremental syncs' history
 * @param cutoverNotBefore the earliest time the cutover may start, once the TTL was lowered
 */
public record MigrationStatus(String site, State state, Phase phase, Set<Phase> completed, Optional<Gate> awaiting,
        Optional<String> failure, int incrementalSyncs, Optional<Duration> estimatedFinalSync,
        Optional<Instant> cutoverNotBefore) {

    public MigrationStatus {
        completed = Set.copyOf(completed);
    }

    /** The overall state of a migration. */
    public enum State {
        /** Nothing done yet. */
        NOT_STARTED,
        /** Some phases done; more to run. */
        IN_PROGRESS,
        /** Stopped at a gate until approved. */
        AWAITING_APPROVAL,
        /** The last phase run failed; running it again continues from the last completed step. */
        FAILED,
        /** All eight phases completed. */
        COMPLETED,
        /** Rolled back: the source serves the site again. */
        ROLLED_BACK
    }

    /** True when the phase has completed. */
    public boolean isCompleted(Phase p) {
        return completed.contains(p);
    }
}
