package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Duration;
import java.time.Instant;

/** A rollback completed: the old server serves the site again. */
public record RollbackFinished(String site, Phase phase, Instant at, Duration duration) implements MigrationEvent {
}
