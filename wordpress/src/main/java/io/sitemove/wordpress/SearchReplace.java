package io.sitemove.wordpress;

import io.sitemove.wordpress.internal.replace.PairMatcher;
import io.sitemove.wordpress.internal.replace.ValueReplacer;
import io.sitemove.wordpress.internal.replace.Variants;
import io.sitemove.wordpress.internal.serialized.Counter;
import io.sitemove.wordpress.internal.serialized.UnchangeableException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A search and replace that is safe for PHP-serialized data, for moving a site to a new domain or a temporary
 * test URL and back. Several pairs are replaced in one pass (the longest search wins at a position, and a
 * replacement is never replaced again); serialized strings get their byte lengths recomputed, serialized values
 * nested inside strings are rewritten at any depth, keys, class names, numbers, booleans, custom {@code C:}
 * payloads and references are never touched; JSON inside values is matched with escaped slashes and
 * {@code &#92;u} escapes; url-encoded and base64 values when opted in. A value that looks serialized, holds
 * serialized structure and does not parse is left unchanged and reported as skipped.
 *
 * <pre>{@code
 * SearchReplace move = SearchReplace.builder()
 *     .replace("https://shop.example", "https://staging.example.net")
 *     .replace("shop.example", "staging.example.net")
 *     .skipColumns("guid")
 *     .build();
 * SearchReplace.Outcome o = move.apply(metaValue);
 * SearchReplace back = move.inverse();
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #apply(byte[])} is a pure function of the value.
 */
public final class SearchReplace {
    private final Map<String, String> pairs;
    private final boolean caseSensitive;
    private final boolean urlEncoded;
    private final boolean base64;
    private final boolean json;
    private final Set<String> skipTables;
    private final Set<String> skipColumns;
    private final ValueReplacer replacer;

    private SearchReplace(Builder b) {
        this.pairs = new LinkedHashMap<>(b.pairs);
        this.caseSensitive = b.caseSensitive;
        this.urlEncoded = b.urlEncoded;
        this.base64 = b.base64;
        this.json = b.json;
        this.skipTables = Set.copyOf(b.skipTables);
        this.skipColumns = Set.copyOf(b.skipColumns);
        this.replacer = new ValueReplacer(new PairMatcher(Variants.of(pairs, json, urlEncoded), caseSensitive), base64);
    }

    /** A builder with no pairs, case-sensitive, JSON forms on, url-encoded and base64 forms off. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What one value became.
     *
     * @param value the new value (the same bytes when nothing changed or it was skipped)
     * @param replacements how many matches were replaced
     * @param skipReason why the value was left unchanged although it may hold a search text, or null
     */
    public record Outcome(byte[] value, int replacements, String skipReason) {
        /** Whether the value was left unchanged for a reason. */
        public boolean skipped() {
            return skipReason != null;
        }

        /** Whether the value changed. */
        public boolean changed() {
            return replacements > 0;
        }

        /** The new value as UTF-8 text. */
        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    /** Rewrites one stored value (UTF-8 bytes, as WordPress's utf8mb4 connection stores them). */
    public Outcome apply(byte[] value) {
        Objects.requireNonNull(value, "value cannot be null");
        if (!replacer.mayChange(value)) {
            return new Outcome(value, 0, null);
        }
        Counter counter = new Counter();
        try {
            return new Outcome(replacer.rewrite(value, counter), counter.count(), null);
        } catch (UnchangeableException e) {
            return new Outcome(value, 0, e.getMessage());
        }
    }

    /** Rewrites one stored value given as text. */
    public Outcome apply(String value) {
        Objects.requireNonNull(value, "value cannot be null");
        return apply(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The replace that undoes this one, for a rollback: every pair reversed, the same options.
     *
     * @throws IllegalStateException when two searches share a replacement, so the way back is ambiguous
     */
    public SearchReplace inverse() {
        Builder b = toBuilder();
        b.pairs.clear();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (b.pairs.putIfAbsent(e.getValue(), e.getKey()) != null) {
                throw new IllegalStateException("cannot invert the search and replace: '" + e.getValue()
                        + "' replaces more than one search text");
            }
        }
        return b.build();
    }

    /** A builder holding this replace's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pairs.putAll(pairs);
        b.caseSensitive = caseSensitive;
        b.urlEncoded = urlEncoded;
        b.base64 = base64;
        b.json = json;
        b.skipTables.addAll(skipTables);
        b.skipColumns.addAll(skipColumns);
        return b;
    }

    /** The pairs, search to replacement, in the order given. */
    public Map<String, String> pairs() {
        return java.util.Collections.unmodifiableMap(pairs);
    }

    /** Whether a table is left out of a database pass. */
    public boolean skipsTable(String table) {
        return skipTables.contains(table);
    }

    /** Whether a column ({@code column} in any table, or {@code table.column}) is left out of a database pass. */
    public boolean skipsColumn(String table, String column) {
        return skipColumns.contains(column) || skipColumns.contains(table + "." + column);
    }

    @Override
    public String toString() {
        return "SearchReplace" + pairs + (caseSensitive ? "" : " case-insensitive")
                + (urlEncoded ? " url-encoded" : "") + (base64 ? " base64" : "") + (json ? "" : " no-json");
    }

    /** Builds a {@link SearchReplace}; validates as it goes. */
    public static final class Builder {
        private final Map<String, String> pairs = new LinkedHashMap<>();
        private boolean caseSensitive = true;
        private boolean urlEncoded;
        private boolean base64;
        private boolean json = true;
        private final Set<String> skipTables = new LinkedHashSet<>();
        private final Set<String> skipColumns = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Adds a pair.
         *
         * @throws IllegalArgumentException for an empty search, or a replacement equal to its search
         * @throws IllegalStateException when the search was already given
         */
        public Builder replace(String search, String replacement) {
            Objects.requireNonNull(search, "search cannot be null");
            Objects.requireNonNull(replacement, "replacement cannot be null");
            if (search.isEmpty()) {
                throw new IllegalArgumentException("search cannot be empty");
            }
            if (search.equals(replacement)) {
                throw new IllegalArgumentException("replacement of '" + search + "' is the search itself");
            }
            if (pairs.containsKey(search)) {
                throw new IllegalStateException("'" + search + "' is already replaced by '" + pairs.get(search) + "'");
            }
            pairs.put(search, replacement);
            return this;
        }

        /** Whether letters must match in case (default true); case-insensitive folds ASCII letters only. */
        public Builder caseSensitive(boolean value) {
            this.caseSensitive = value;
            return this;
        }

        /** Whether url-encoded forms of the searches are replaced too (default false). */
        public Builder urlEncoded(boolean value) {
            this.urlEncoded = value;
            return this;
        }

        /** Whether base64 values are decoded, rewritten and encoded again (default false). */
        public Builder base64(boolean value) {
            this.base64 = value;
            return this;
        }

        /** Whether the JSON forms of the searches ({@code \/}, {@code &#92;u} escapes) are replaced too (default true). */
        public Builder json(boolean value) {
            this.json = value;
            return this;
        }

        /** Tables a database pass leaves alone, by full name. */
        public Builder skipTables(String... tables) {
            for (String t : Objects.requireNonNull(tables, "tables cannot be null")) {
                skipTables.add(nonBlank(t, "table"));
            }
            return this;
        }

        /** Columns a database pass leaves alone: {@code guid} in every table, or {@code wp_posts.guid}. */
        public Builder skipColumns(String... columns) {
            for (String c : Objects.requireNonNull(columns, "columns cannot be null")) {
                skipColumns.add(nonBlank(c, "column"));
            }
            return this;
        }

        private static String nonBlank(String s, String what) {
            Objects.requireNonNull(s, what + " cannot be null");
            if (s.isBlank()) {
                throw new IllegalArgumentException(what + " cannot be blank");
            }
            return s;
        }

        /**
         * The replace.
         *
         * @throws IllegalStateException when no pair was given
         */
        public SearchReplace build() {
            if (pairs.isEmpty()) {
                throw new IllegalStateException("a search and replace needs at least one pair: call replace(search, replacement)");
            }
            return new SearchReplace(this);
        }
    }
}
