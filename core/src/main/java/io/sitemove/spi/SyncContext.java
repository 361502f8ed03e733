package io.sitemove.spi;

import java.util.Optional;

/** What a {@link Syncer} is told for one sync. */
public interface SyncContext extends MigrationContext {
    /** FULL, DELTA or FINAL. */
    SyncMode mode();

    /** FORWARD for the migration, REVERSE for the rollback's target-to-source delta. */
    Direction direction();

    /**
     * The cursor this syncer returned from its last completed sync in the same direction (a binlog
     * position, a manifest digest), from the journal; empty before the first.
     */
    Optional<String> cursor();

    /** Where to report progress. */
    ProgressReporter progress();

    /**
     * True when an earlier attempt or an earlier run started this same sync and did not finish it (it
     * was cut off, or failed in a passing way): what the receiving side holds may be this syncer's own
     * partial work, such as the tables of an interrupted FULL copy, rather than someone else's data.
     * False for a first attempt, and after a permanent failure such as a refusal.
     */
    default boolean resumed() {
        return false;
    }

    /**
     * Says that the receiving side now holds everything up to this cursor, committed; if this sync does
     * not finish, the next sync in this direction starts from it (it is what {@link #cursor()} then
     * returns). A syncer that commits in batches calls it after each commit, from any thread; the engine
     * journals it at once. The default does nothing (a context outside an engine).
     *
     * @param cursor the cursor after the last committed batch, in the form {@link SyncResult#cursor()} has
     */
    default void checkpoint(String cursor) {
    }
}
