package io.sitemove.sync.mysql;

/**
 * How {@link MySqlSyncer} writes rows into the target during a FULL copy.
 *
 * <pre>{@code
 * MySqlSyncer.builder().source(old).target(fresh).bulkLoad(BulkLoad.INSERT).build();
 * }</pre>
 */
public enum BulkLoad {
    /**
     * {@code LOAD DATA LOCAL INFILE} fed from the source's rows as they stream in (no file is
     * written); the target connection hands the server only that stream, never a local file. The
     * default: the fastest measured, and a row bigger than the target's {@code max_allowed_packet}
     * still loads.
     */
    LOAD_DATA,
    /**
     * Batched multi-row {@code INSERT}s; a row bigger than the target's {@code max_allowed_packet}
     * is refused with an error naming the table and the row's key.
     */
    INSERT
}
