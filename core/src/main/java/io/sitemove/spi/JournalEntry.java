package io.sitemove.spi;

import io.sitemove.Phase;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a migration's journal: a completed step and what it left behind.
 *
 * @param seq the entry's position, from 1
 * @param at when it was written
 * @param kind what happened ("PHASE_STARTED", "STEP_DONE", "PHASE_DONE", "PHASE_FAILED", "GATE_APPROVED", ...)
 * @param phase the phase it belongs to
 * @param step the step within the phase ("sync:files"), or empty
 * @param data values the engine needs to resume (cursors, timings, DNS records); never secrets
 */
public record JournalEntry(long seq, Instant at, String kind, Phase phase, String step, Map<String, String> data) {
    public JournalEntry {
        Objects.requireNonNull(at, "at cannot be null");
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(phase, "phase cannot be null");
        Objects.requireNonNull(step, "step cannot be null");
        data = Map.copyOf(Objects.requireNonNull(data, "data cannot be null"));
    }
}
