package io.sitemove.spi;

/** What a {@link Verifier} is told. */
public interface VerifyContext extends MigrationContext {
    /** When this verification runs; a verifier may do less at CUTOVER than at FUNCTIONAL. */
    VerifyStage stage();

    /** Where to report progress. */
    ProgressReporter progress();
}
