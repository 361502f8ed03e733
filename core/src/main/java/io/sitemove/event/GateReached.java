package io.sitemove.event;

import io.sitemove.Gate;
import io.sitemove.Phase;
import java.time.Instant;

/** The run stopped at a gate and waits for approval. */
public record GateReached(String site, Phase phase, Instant at, Gate gate) implements MigrationEvent {
}
