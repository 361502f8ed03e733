package io.sitemove.spi;

/** What a journal entry records. */
public enum EntryKind {
    /** A phase was entered (or re-entered by a resumed run). */
    PHASE_STARTED,
    /** A step was begun (its plugin called); a later run knows that what it left may be its own. */
    STEP_STARTED,
    /** A step completed; its data says what it left behind. */
    STEP_DONE,
    /**
     * A sync that had not finished said the receiving side holds everything up to a cursor
     * ({@link io.sitemove.spi.SyncContext#checkpoint}); the next sync in that direction starts from it.
     */
    SYNC_CHECKPOINT,
    /** A phase completed. */
    PHASE_DONE,
    /** A phase stopped at a failure; the step names where. */
    PHASE_FAILED,
    /** A gate was approved; the step is the gate's name. */
    GATE_APPROVED,
    /** A rollback began. */
    ROLLBACK_STARTED,
    /** A rollback completed: the source serves the site again. */
    ROLLBACK_DONE
}
