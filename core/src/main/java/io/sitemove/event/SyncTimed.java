package io.sitemove.event;

import io.sitemove.Phase;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.time.Instant;

/** A syncer finished one sync; incremental ones feed the final-sync estimate. */
public record SyncTimed(String site, Phase phase, Instant at, String syncer, SyncMode mode, Direction direction, SyncResult result) implements MigrationEvent {
}
