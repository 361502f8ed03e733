package io.sitemove.spi;

/** When a verification runs. */
public enum VerifyStage {
    /** Functional testing, after the initial sync, or on demand: thorough. */
    FUNCTIONAL,
    /** During the cutover, with the source read-only: fast. */
    CUTOVER,
    /** The post-migration watch window: health probes. */
    WATCH
}
