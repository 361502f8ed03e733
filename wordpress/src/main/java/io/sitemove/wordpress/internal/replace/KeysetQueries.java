package io.sitemove.wordpress.internal.replace;

import io.sitemove.remote.db.Sql;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the database pass for one table, every identifier quoted: keyset pages, guarded updates by key and a row read again. */
public final class KeysetQueries {
    private KeysetQueries() {
    }

    /** The first page ({@code after} false) or the page after a key given as parameters. */
    public static String page(String table, List<String> key, List<String> columns, boolean after, int size) {
        List<String> all = new ArrayList<>();
        key.forEach(k -> all.add(Sql.quote(k)));
        columns.forEach(c -> all.add(Sql.quote(c)));
        StringBuilder b = new StringBuilder("SELECT ").append(String.join(", ", all)).append(" FROM ").append(Sql.quote(table));
        if (after) {
            b.append(" WHERE ").append(after(key));
        }
        b.append(" ORDER BY ");
        List<String> order = new ArrayList<>();
        key.forEach(k -> order.add(Sql.quote(k)));
        return b.append(String.join(", ", order)).append(" LIMIT ").append(size).toString();
    }

    /**
     * {@code (a > ?) OR (a = ? AND b > ?) ...}: the parameters are the last key's columns, repeated as
     * {@link #afterParameters} lays them out.
     */
    static String after(List<String> key) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            StringBuilder t = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                t.append(Sql.quote(key.get(j))).append(" = ? AND ");
            }
            terms.add(t.append(Sql.quote(key.get(i))).append(" > ?)").toString());
        }
        return String.join(" OR ", terms);
    }

    /** The order in which the last key's values fill {@link #after}'s parameters: indexes into the key. */
    public static List<Integer> afterParameters(int keyColumns) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < keyColumns; i++) {
            for (int j = 0; j <= i; j++) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * {@code UPDATE t SET a = ?, b = ? WHERE k1 = ? AND k2 = ? AND <a still as read> AND <b still as read>}: the
     * new values, then the key, then the values as read (UTF-8 bytes). The comparison is of bytes (no collation
     * folds case or trims trailing spaces), NULL-safe, so a row another writer changed in between matches nothing.
     */
    public static String guardedUpdate(String table, List<String> columns, List<String> key) {
        List<String> set = new ArrayList<>();
        columns.forEach(c -> set.add(Sql.quote(c) + " = ?"));
        List<String> where = new ArrayList<>();
        key.forEach(k -> where.add(Sql.quote(k) + " = ?"));
        columns.forEach(c -> where.add(asRead(c) + " <=> ?"));
        return "UPDATE " + Sql.quote(table) + " SET " + String.join(", ", set) + " WHERE " + String.join(" AND ", where);
    }

    /** {@code SELECT a, b FROM t WHERE k1 = ? AND k2 = ?}: one row read again by key. */
    public static String row(String table, List<String> columns, List<String> key) {
        List<String> select = new ArrayList<>();
        columns.forEach(c -> select.add(Sql.quote(c)));
        List<String> where = new ArrayList<>();
        key.forEach(k -> where.add(Sql.quote(k) + " = ?"));
        return "SELECT " + String.join(", ", select) + " FROM " + Sql.quote(table) + " WHERE " + String.join(" AND ", where);
    }

    private static String asRead(String column) {
        return "CAST(CONVERT(" + Sql.quote(column) + " USING utf8mb4) AS BINARY)";
    }
}
