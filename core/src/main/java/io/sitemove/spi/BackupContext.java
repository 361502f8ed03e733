package io.sitemove.spi;

/** What a {@link Backup} is told. */
public interface BackupContext extends MigrationContext {
    /** Where to report progress. */
    ProgressReporter progress();
}
