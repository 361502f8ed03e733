package io.sitemove.internal;

/** The kinds of journal entries the engine writes. */
public enum EntryKind {
    PHASE_STARTED,
    STEP_DONE,
    PHASE_DONE,
    PHASE_FAILED,
    GATE_APPROVED,
    ROLLBACK_DONE
}
