package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Instant;

/** A phase failed; the journal says where it stopped, and running it again continues from there. */
public record PhaseFailed(String site, Phase phase, Instant at, String step, Throwable failure) implements MigrationEvent {
}
