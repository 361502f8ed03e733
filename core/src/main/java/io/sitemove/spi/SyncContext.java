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
}
