package io.sitemove.verify.internal.schema;

import java.util.List;

/**
 * One index of a table.
 *
 * @param name the index's name ({@code PRIMARY} for the primary key)
 * @param unique whether it is unique
 * @param type its kind ({@code BTREE}, {@code FULLTEXT}, {@code SPATIAL}, {@code HASH})
 * @param parts its columns in order, each with its prefix length and {@code DESC} where it has them:
 *     {@code meta_key(191)}, {@code created DESC}
 */
public record Index(String name, boolean unique, String type, List<String> parts) {
    public Index {
        parts = List.copyOf(parts);
    }

    /** How a finding shows it: {@code unique BTREE (a, b(10))}. */
    String describe() {
        return (unique ? "unique " : "") + type + " (" + String.join(", ", parts) + ")";
    }
}
