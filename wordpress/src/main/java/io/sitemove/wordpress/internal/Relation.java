package io.sitemove.wordpress.internal;

import io.sitemove.remote.db.Sql;
import java.util.List;
import java.util.function.Function;

/**
 * One reference between WordPress's core tables: rows of {@code child} whose {@code column} must name a
 * row of {@code parent} by {@code parentKey}. Rows are named by {@code keys} in findings.
 *
 * @param child the referring table, without prefix
 * @param keys the columns that name a row of it (its primary key)
 * @param column the referring column
 * @param parent the referred table, without prefix
 * @param parentKey the referred column
 * @param condition an extra SQL condition on the child row {@code c} (quoted names only), or null
 */
public record Relation(String child, List<String> keys, String column, String parent, String parentKey,
        Function<WpTables, String> condition) {

    /** The references WordPress keeps, checked on every site. */
    public static final List<Relation> CORE = List.of(
            new Relation("postmeta", List.of("meta_id"), "post_id", "posts", "ID", null),
            new Relation("commentmeta", List.of("meta_id"), "comment_id", "comments", "comment_ID", null),
            new Relation("comments", List.of("comment_ID"), "comment_post_ID", "posts", "ID",
                    t -> "c.`comment_post_ID` <> 0"),
            new Relation("usermeta", List.of("umeta_id"), "user_id", "users", "ID", null),
            new Relation("term_taxonomy", List.of("term_taxonomy_id"), "term_id", "terms", "term_id", null),
            new Relation("term_relationships", List.of("object_id", "term_taxonomy_id"), "term_taxonomy_id",
                    "term_taxonomy", "term_taxonomy_id", null),
            new Relation("term_relationships", List.of("object_id", "term_taxonomy_id"), "object_id", "posts", "ID",
                    t -> "c.`term_taxonomy_id` NOT IN (SELECT `term_taxonomy_id` FROM " + t.quoted("term_taxonomy")
                            + " WHERE `taxonomy` = 'link_category')"),
            new Relation("posts", List.of("ID"), "post_parent", "posts", "ID", t -> "c.`post_parent` <> 0"),
            new Relation("posts", List.of("ID"), "post_author", "users", "ID", t -> "c.`post_author` <> 0"));

    /** The tables this reference reads, without prefix. */
    public List<String> tables() {
        return condition == null || !child.equals("term_relationships") ? List.of(child, parent)
                : List.of(child, parent, "term_taxonomy");
    }

    /** {@code FROM child c LEFT JOIN parent p ... WHERE p.key IS NULL AND ...}: the orphaned rows. */
    public String orphansFrom(WpTables tables) {
        String where = " WHERE p." + Sql.quote(parentKey) + " IS NULL";
        if (condition != null) {
            where += " AND " + condition.apply(tables);
        }
        return " FROM " + tables.quoted(child) + " c LEFT JOIN " + tables.quoted(parent) + " p ON p."
                + Sql.quote(parentKey) + " = c." + Sql.quote(column) + where;
    }

    /** {@code wp_postmeta.post_id → wp_posts.ID}, for messages. */
    public String describe(WpTables tables) {
        return tables.name(child) + "." + column + " → " + tables.name(parent) + "." + parentKey;
    }
}
