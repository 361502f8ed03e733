package io.sitemove.spi;

/** Which way data flows. */
public enum Direction {
    /** Source to target: every sync of a migration. */
    FORWARD,
    /** Target to source: the reverse delta of a rollback, so writes made after the cutover are kept. */
    REVERSE
}
