package io.sitemove.spi;

/** Which of the two servers. */
public enum Side {
    /** The old server the site moves away from. */
    SOURCE,
    /** The new server the site moves to. */
    TARGET
}
