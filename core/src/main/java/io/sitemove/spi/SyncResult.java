package io.sitemove.spi;

import io.sitemove.Counts;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sync did.
 *
 * @param moved what was copied: bytes, files, rows
 * @param deleted files or rows deleted on the receiving side
 * @param attributesFixed files whose mode, owner or mtime alone were corrected
 * @param duration how long it took
 * @param cursor where the next delta starts (goes into the journal); empty when the syncer keeps none
 * @param details the syncer's own figures, as a record ({@link SyncDetails#none()} when it has none); never secrets
 */
public record SyncResult(Counts moved, long deleted, long attributesFixed, Duration duration, String cursor, SyncDetails details) {
    public SyncResult {
        Objects.requireNonNull(moved, "moved cannot be null");
        Objects.requireNonNull(duration, "duration cannot be null");
        Objects.requireNonNull(cursor, "cursor cannot be null");
        Objects.requireNonNull(details, "details cannot be null");
        if (deleted < 0 || attributesFixed < 0) {
            throw new IllegalArgumentException("deleted and attributesFixed cannot be negative");
        }
    }

    /** Files plus rows moved, plus deletions and attribute fixes: the size of the change. */
    public long changes() {
        return moved.items() + deleted + attributesFixed;
    }

    /** The details as the given type, when they are of it. */
    public <T extends SyncDetails> Optional<T> details(Class<T> type) {
        return type.isInstance(details) ? Optional.of(type.cast(details)) : Optional.empty();
    }
}
