package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Duration;
import java.time.Instant;

/** A step within a phase completed and was journaled. */
public record StepFinished(String site, Phase phase, Instant at, String step, Duration duration) implements MigrationEvent {
}
