package io.sitemove;

/**
 * The eight phases of one site's migration, in the order they run.
 *
 * <p>A phase cannot be skipped: each one needs every phase before it completed. Two phases end at a
 * {@link Gate}, where a person approves before the run goes on.
 */
public enum Phase {
    /** Connects to both servers and checks host keys, disk, parity, DNS access and privileges; changes nothing. */
    PREFLIGHT,
    /** Full, consistent copy of files and database to the target. */
    INITIAL_SYNC,
    /** Runs the verifiers against the target, then waits at {@link Gate#FUNCTIONAL_TESTING}. */
    FUNCTIONAL_TESTING,
    /** The panel tunes the target; waits at {@link Gate#OPTIMIZATION}. */
    OPTIMIZATION,
    /** Repeatable, timed delta syncs whose history estimates the final sync's downtime. */
    INCREMENTAL_SYNC,
    /** Change freeze: the DNS TTL is lowered and the old TTL must expire before the cutover. */
    MORATORIUM,
    /** The cutover: source read-only, last delta, fast verification, DNS switch, propagation. */
    FINAL_SYNC,
    /** Watch window with health probes, then TTL restore and cleanup; rollback is possible until it ends. */
    POST_MIGRATION;

    /** The phase before this one, or {@code null} for {@link #PREFLIGHT}. */
    public Phase previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The phase after this one, or {@code null} for {@link #POST_MIGRATION}. */
    public Phase next() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }
}
