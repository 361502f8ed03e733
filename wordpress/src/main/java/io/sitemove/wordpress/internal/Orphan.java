package io.sitemove.wordpress.internal;

import java.util.List;

/**
 * A row that names a row that does not exist.
 *
 * @param relation the reference it breaks
 * @param keys the values of the row's {@link Relation#keys()}, in order
 * @param reference the value of its referring column
 */
public record Orphan(Relation relation, List<String> keys, String reference) {
    public Orphan {
        keys = List.copyOf(keys);
    }

    /** The row, as a person finds it: {@code wp_postmeta meta_id 12}. */
    public String subject(WpTables tables) {
        StringBuilder s = new StringBuilder(tables.name(relation.child()));
        for (int i = 0; i < keys.size(); i++) {
            s.append(i == 0 ? " " : ", ").append(relation.keys().get(i)).append(' ').append(keys.get(i));
        }
        return s.toString();
    }

    /** What the row refers to: {@code post_id 45 in wp_posts (ID)}. */
    public String missing(WpTables tables) {
        return relation.column() + " " + reference + " in " + tables.name(relation.parent()) + " ("
                + relation.parentKey() + ")";
    }

    /** The same row with the same reference, on either server. */
    public String identity() {
        return relation.child() + "|" + relation.column() + "|" + String.join("|", keys) + "|" + reference;
    }
}
