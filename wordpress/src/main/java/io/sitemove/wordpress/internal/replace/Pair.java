package io.sitemove.wordpress.internal.replace;

import java.util.Objects;

/**
 * One search text and its replacement, as UTF-8 bytes.
 *
 * @param search what is looked for, never empty
 * @param replacement what it becomes
 */
public record Pair(byte[] search, byte[] replacement) {
    /** Validates. */
    public Pair {
        Objects.requireNonNull(search, "search cannot be null");
        Objects.requireNonNull(replacement, "replacement cannot be null");
        if (search.length == 0) {
            throw new IllegalArgumentException("search cannot be empty");
        }
    }
}
