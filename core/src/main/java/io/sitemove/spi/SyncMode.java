package io.sitemove.spi;

/** What kind of sync the engine asks for. */
public enum SyncMode {
    /** Everything, consistently: the initial sync. */
    FULL,
    /** Only what changed since the cursor: an incremental sync, or the reverse sync of a rollback. */
    DELTA,
    /** The last delta, with the source already read-only: the cutover. */
    FINAL
}
