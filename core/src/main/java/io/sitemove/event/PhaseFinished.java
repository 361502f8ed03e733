package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Duration;
import java.time.Instant;

/** A phase completed. */
public record PhaseFinished(String site, Phase phase, Instant at, Duration duration) implements MigrationEvent {
}
