package io.sitemove;

import io.sitemove.spi.SyncResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One incremental sync: every syncer's delta.
 *
 * @param round its number, from 1
 * @param duration the time all syncers took together
 * @param results per syncer name, what it did
 * @param estimatedFinalSync the final sync's estimated duration, updated with this round
 */
public record SyncRound(int round, Duration duration, Map<String, SyncResult> results, Optional<Duration> estimatedFinalSync) {
    public SyncRound {
        results = Map.copyOf(results);
    }
}
