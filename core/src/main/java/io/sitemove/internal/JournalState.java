package io.sitemove.internal;

import io.sitemove.Gate;
import io.sitemove.Phase;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a migration's journal says: phases and steps done, gates approved, the last failure. Safe to share
 * between threads: a syncer's checkpoint may be added from its own thread.
 */
public final class JournalState {
    private final List<JournalEntry> entries;
    private final Set<Phase> completed = EnumSet.noneOf(Phase.class);
    private final Set<Phase> started = EnumSet.noneOf(Phase.class);
    private final Set<Gate> approved = EnumSet.noneOf(Gate.class);
    private final Map<String, JournalEntry> steps = new HashMap<>();
    private final Set<String> startedSteps = new HashSet<>();
    private final Map<String, EntryData.Failed> stepFailures = new HashMap<>();
    private JournalEntry lastFailure;
    private boolean rolledBack;
    private boolean rollbackStarted;

    public JournalState(List<JournalEntry> entries) {
        this.entries = new ArrayList<>(entries);
        entries.forEach(this::apply);
    }

    /** Takes in a new entry. */
    public synchronized void add(JournalEntry e) {
        entries.add(e);
        apply(e);
    }

    private void apply(JournalEntry e) {
        switch (e.kind()) {
            case PHASE_STARTED -> {
                started.add(e.phase());
                lastFailure = null;
            }
            case STEP_STARTED -> {
                startedSteps.add(key(e.phase(), e.step()));
                stepFailures.remove(key(e.phase(), e.step()));
            }
            case STEP_DONE -> steps.put(key(e.phase(), e.step()), e);
            case PHASE_DONE -> {
                completed.add(e.phase());
                lastFailure = null;
            }
            case PHASE_FAILED -> {
                lastFailure = e;
                e.data(EntryData.Failed.class).ifPresent(f -> stepFailures.put(key(e.phase(), e.step()), f));
            }
            case SYNC_CHECKPOINT -> {
            }
            case GATE_APPROVED -> approved.add(Gate.valueOf(e.step()));
            case ROLLBACK_STARTED -> rollbackStarted = true;
            case ROLLBACK_DONE -> rolledBack = true;
        }
    }

    private static String key(Phase phase, String step) {
        return phase + "/" + step;
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized long lastSeq() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    public synchronized boolean completed(Phase phase) {
        return completed.contains(phase);
    }

    public synchronized Set<Phase> completedPhases() {
        return EnumSet.copyOf(completed.isEmpty() ? EnumSet.noneOf(Phase.class) : completed);
    }

    public synchronized boolean started(Phase phase) {
        return started.contains(phase);
    }

    public synchronized boolean approved(Gate gate) {
        return approved.contains(gate);
    }

    public synchronized boolean rolledBack() {
        return rolledBack;
    }

    /** Whether a rollback was begun (and may have stopped before it was done). */
    public synchronized boolean rollbackStarted() {
        return rollbackStarted;
    }

    /** The first phase not completed, or empty when all are. */
    public synchronized Optional<Phase> firstIncomplete() {
        for (Phase p : Phase.values()) {
            if (!completed.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The STEP_DONE entry of a step, if it completed. */
    public synchronized Optional<JournalEntry> step(Phase phase, String step) {
        return Optional.ofNullable(steps.get(key(phase, step)));
    }

    /** The last failure, unless a later phase start or completion superseded it. */
    public synchronized Optional<JournalEntry> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Every STEP_DONE entry, in order. */
    public synchronized List<JournalEntry> stepsDone() {
        return entries.stream().filter(e -> e.kind() == EntryKind.STEP_DONE).toList();
    }

    /** The first entry of a kind for a phase. */
    public synchronized Optional<JournalEntry> first(EntryKind kind, Phase phase) {
        return entries.stream().filter(e -> e.kind() == kind && e.phase() == phase).findFirst();
    }

    /** The last entry of a kind for a phase. */
    public synchronized Optional<JournalEntry> last(EntryKind kind, Phase phase) {
        JournalEntry found = null;
        for (JournalEntry e : entries) {
            if (e.kind() == kind && e.phase() == phase) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every completed sync, in order. */
    public synchronized List<EntryData.Synced> syncs() {
        return entries.stream().filter(e -> e.kind() == EntryKind.STEP_DONE)
                .flatMap(e -> e.data(EntryData.Synced.class).stream()).toList();
    }

    /**
     * The cursor a syncer left in a direction: that of its last completed sync, or of a checkpoint journaled
     * after it by a sync that did not finish, whichever came last.
     */
    public synchronized Optional<String> cursor(String syncer, Direction direction) {
        String found = null;
        for (JournalEntry e : entries) {
            if (e.kind() == EntryKind.STEP_DONE && e.data() instanceof EntryData.Synced s && s.syncer().equals(syncer)
                    && s.direction() == direction && !s.result().cursor().isEmpty()) {
                found = s.result().cursor();
            } else if (e.kind() == EntryKind.SYNC_CHECKPOINT && e.data() instanceof EntryData.Checkpoint c
                    && c.syncer().equals(syncer) && c.direction() == direction) {
                found = c.cursor();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether an earlier run began the step without finishing it, and did not stop at it with a permanent
     * failure: what the step finds may be its own partial work.
     */
    public synchronized boolean resumable(Phase phase, String step) {
        String k = key(phase, step);
        if (!startedSteps.contains(k) || steps.containsKey(k)) {
            return false;
        }
        EntryData.Failed failed = stepFailures.get(k);
        return failed == null || failed.transientFailure();
    }

    /** The data a completed step left, when it is of the given type. */
    public synchronized <T extends EntryData> Optional<T> stepData(Phase phase, String step, Class<T> type) {
        return step(phase, step).flatMap(e -> e.data(type));
    }

    /** The number of incremental-sync rounds completed. */
    public synchronized int incrementalRounds() {
        int n = 0;
        while (steps.containsKey(key(Phase.INCREMENTAL_SYNC, StepNames.deltaRound(n + 1)))) {
            n++;
        }
        return n;
    }
}
