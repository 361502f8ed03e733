package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Instant;

/**
 * A rollback began.
 *
 * @param trafficMoved whether visitors may have reached the new server (then the rollback syncs back
 *     from new to old before reverting DNS); false when the cutover stopped before DNS moved
 */
public record RollbackStarted(String site, Phase phase, Instant at, boolean trafficMoved) implements MigrationEvent {
}
