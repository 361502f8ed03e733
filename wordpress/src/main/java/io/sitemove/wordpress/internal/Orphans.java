package io.sitemove.wordpress.internal;

import java.util.List;

/**
 * The orphaned rows of one reference on one server.
 *
 * @param count how many rows are orphaned
 * @param first the first of them in key order, at most the scan limit
 */
public record Orphans(long count, List<Orphan> first) {
    public Orphans {
        first = List.copyOf(first);
    }

    /** Whether {@link #first()} holds them all. */
    public boolean complete() {
        return first.size() >= count;
    }
}
