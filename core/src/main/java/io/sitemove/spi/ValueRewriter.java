package io.sitemove.spi;

import java.util.Objects;

/**
 * Rewrites column values while rows stream from one database to the other, so a site that moves to
 * a new domain (or a temporary test address) stays consistent through the full copy, every delta
 * and the final sync without a second pass over the target. A rollback's reverse sync applies
 * {@link #inverse()}.
 *
 * <p>Implementations are immutable and thread-safe: the database syncer calls them from several
 * copy workers at once. A value is given as the bytes the source holds (the column's own
 * character set); the rewriter must not change a value it does not understand, and says why.
 *
 * <pre>{@code
 * MySqlSyncer.builder(source, target).database("shop")
 *     .rewriteValues(SearchReplace.builder().replace("https://old.example", "https://new.example").build())
 *     .build();
 * }</pre>
 */
public interface ValueRewriter {
    /**
     * Whether values of this table's column may need rewriting. Columns answered {@code false} are
     * copied byte for byte, at no cost; the syncer asks once per column and sync.
     */
    boolean touches(String table, String column);

    /**
     * The value rewritten.
     *
     * @param value the source's bytes, never null (SQL NULL is never passed)
     * @return the outcome; its value is the same array when nothing changed
     */
    Rewrite rewrite(String table, String column, byte[] value);

    /** The rewriter that undoes this one, for a rollback. */
    ValueRewriter inverse();

    /**
     * What one value became.
     *
     * @param value        the rewritten bytes (the input array itself when unchanged)
     * @param replacements how many replacements were made
     * @param skipReason   why the value was left alone although it may hold the search text, or null
     */
    record Rewrite(byte[] value, int replacements, String skipReason) {
        public Rewrite {
            Objects.requireNonNull(value, "value");
            if (replacements < 0) {
                throw new IllegalArgumentException("replacements must be >= 0, got " + replacements);
            }
        }

        /** Whether the value was left alone for a reason. */
        public boolean skipped() {
            return skipReason != null;
        }

        /** An unchanged value. */
        public static Rewrite unchanged(byte[] value) {
            return new Rewrite(value, 0, null);
        }
    }
}
