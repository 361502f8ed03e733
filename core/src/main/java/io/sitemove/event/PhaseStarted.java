package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Instant;

/** A phase started (or resumed after a restart). */
public record PhaseStarted(String site, Phase phase, Instant at, boolean resumed) implements MigrationEvent {
}
