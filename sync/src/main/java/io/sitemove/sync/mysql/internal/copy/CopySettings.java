package io.sitemove.sync.mysql.internal.copy;

import java.time.Duration;

/**
 * How a copy of whole tables runs.
 *
 * @param workers connections reading and writing at once
 * @param loadData LOAD DATA (else batched INSERTs)
 * @param deferIndexes build plain and unique secondary indexes after the load
 * @param chunkRows about how many rows a chunk (or a keyset page) holds
 * @param lockWait how long to wait for the read lock that opens the snapshots
 * @param indexBuildTimeout the longest silence of the target while it builds a table's deferred indexes,
 *     which sends nothing until it is done (in place of the endpoint's read-idle timeout for that statement)
 */
public record CopySettings(int workers, boolean loadData, boolean deferIndexes, int chunkRows, Duration lockWait,
        Duration indexBuildTimeout) {
}
