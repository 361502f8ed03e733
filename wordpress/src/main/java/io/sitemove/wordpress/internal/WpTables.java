package io.sitemove.wordpress.internal;

import io.sitemove.remote.db.Sql;
import java.util.List;

/**
 * A WordPress site's table names: its prefix and the core tables the integrity checks read.
 *
 * @param prefix the table prefix, already checked against {@link TablePrefixParser#VALID}
 */
public record WpTables(String prefix) {
    /** The core tables of a single site, without the prefix. */
    public static final List<String> CORE = List.of("options", "posts", "postmeta", "comments", "commentmeta", "users",
            "usermeta", "terms", "term_taxonomy", "term_relationships");

    /** The table's full name, such as {@code wp_posts}. */
    public String name(String table) {
        return prefix + table;
    }

    /** The table's full name, quoted for SQL. */
    public String quoted(String table) {
        return Sql.quote(name(table));
    }
}
