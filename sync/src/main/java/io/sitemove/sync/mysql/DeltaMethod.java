package io.sitemove.sync.mysql;

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
    /**
     * Compares both sides inside one snapshot of the source, without a binary log: a table with a
     * primary key and the same definition on both sides by key range (a row count and a SHA-256 over
     * every row's exact values in key order, computed by both servers at once), replacing only the
     * ranges that differ, each in one transaction, so updates, inserts and deletes arrive; other tables
     * by {@code CHECKSUM TABLE}, row count and definition, recopied whole when they differ.
     */
    CHECKSUM,
    /** BINLOG when the source has a usable binary log and the last sync left a binlog cursor, else CHECKSUM. */
    AUTO
}
