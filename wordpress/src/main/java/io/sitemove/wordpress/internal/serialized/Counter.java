package io.sitemove.wordpress.internal.serialized;

/** Counts the replacements made while one value is rewritten; not shared between threads. */
public final class Counter {
    private int count;

    /** Adds {@code n} replacements. */
    public void add(int n) {
        count += n;
    }

    /** The replacements counted so far. */
    public int count() {
        return count;
    }
}
