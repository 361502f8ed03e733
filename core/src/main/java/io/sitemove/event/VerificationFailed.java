package io.sitemove.event;

import io.sitemove.Phase;
import io.sitemove.spi.Verification;
import java.time.Instant;

/** A verifier found the target different from what it should be. */
public record VerificationFailed(String site, Phase phase, Instant at, Verification verification) implements MigrationEvent {
}
