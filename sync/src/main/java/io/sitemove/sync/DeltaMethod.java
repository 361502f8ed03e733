package io.sitemove.sync;

/**
 * How {@link MySqlSyncer} finds what changed since the last sync (DELTA and FINAL modes).
 *
 * <pre>{@code
 * MySqlSyncer.builder().source(old).target(fresh).deltaMethod(DeltaMethod.BINLOG).build();
 * }</pre>
 */
public enum DeltaMethod {
    /**
     * Reads the row events of the source's binary log from the last sync's cursor and applies them
     * to the target; fails when the source has no usable binary log.
     */
    BINLOG,
    /** Compares each table on both sides ({@code CHECKSUM TABLE}, row count, definition) and recopies those that differ. */
    CHECKSUM,
    /** BINLOG when the source has a usable binary log and the last sync left a binlog cursor, else CHECKSUM. */
    AUTO
}
