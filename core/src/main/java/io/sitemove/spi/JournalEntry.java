package io.sitemove.spi;

import io.sitemove.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a migration's journal: a phase entered or completed, a completed step and what it left
 * behind, a gate approved, a failure.
 *
 * @param seq the entry's position, from 1
 * @param at when it was written
 * @param kind what happened
 * @param phase the phase it belongs to
 * @param step the step within the phase ("sync:files"), the gate's name, or empty
 * @param data typed values the engine needs to resume and a report reads; never secrets
 */
public record JournalEntry(long seq, Instant at, EntryKind kind, Phase phase, String step, EntryData data) {
    public JournalEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        Objects.requireNonNull(at, "at cannot be null");
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(phase, "phase cannot be null");
        Objects.requireNonNull(step, "step cannot be null");
        Objects.requireNonNull(data, "data cannot be null");
    }

    /** The data as the given type, when it is of it. */
    public <T extends EntryData> java.util.Optional<T> data(Class<T> type) {
        return type.isInstance(data) ? java.util.Optional.of(type.cast(data)) : java.util.Optional.empty();
    }
}
