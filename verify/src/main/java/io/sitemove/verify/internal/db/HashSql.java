package io.sitemove.verify.internal.db;

import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.TableComparer;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * The SQL of the database check, the same on both servers: counts and content hashes of key ranges, and
 * the hashes of single rows. A row's hash is the MD5 of the checksum delta's row image (every column's
 * bytes, NULL and boundaries marked, the key included), so values swapped between rows change both rows.
 */
final class HashSql {
    private HashSql() {
    }

    /** The first 64 bits of the row's MD5, as an unsigned integer. */
    static String rowHash(TableComparer.Table t) {
        return "CAST(CONV(LEFT(MD5(" + t.rowImage() + "), 16), 16, 10) AS UNSIGNED)";
    }

    /** {@code COUNT(*), SUM(row hash)} of the whole table. */
    static String whole(String database, TableComparer.Table t) {
        return "SELECT COUNT(*), SUM(" + rowHash(t) + ") FROM " + Sql.qualified(database, t.name());
    }

    /**
     * Bucket number, count and sum of each bucket of {@code step} keys from {@code min}, within {@code [lo, hi)};
     * parameters: min, step, lo, hi.
     */
    static String buckets(String database, TableComparer.Table t) {
        String k = Sql.quote(t.primaryKey().get(0));
        return "SELECT (CAST(" + k + " AS SIGNED) - ?) DIV ? AS b, COUNT(*), SUM(" + rowHash(t) + ") FROM "
                + Sql.qualified(database, t.name()) + " WHERE " + k + " >= ? AND " + k + " < ? GROUP BY b";
    }

    /** The smallest and largest value of the key's first column. */
    static String minMax(String database, TableComparer.Table t) {
        String k = Sql.quote(t.primaryKey().get(0));
        return "SELECT MIN(" + k + "), MAX(" + k + ") FROM " + Sql.qualified(database, t.name());
    }

    /** The key columns and full MD5 of every row in {@code [lo, hi)} of the first key column; all rows when unbounded. */
    static String rows(String database, TableComparer.Table t, boolean bounded) {
        String select = "SELECT " + keyList(t) + ", MD5(" + t.rowImage() + ") FROM " + Sql.qualified(database, t.name());
        if (!bounded) {
            return select;
        }
        String k = Sql.quote(t.primaryKey().get(0));
        return select + " WHERE " + k + " >= ? AND " + k + " < ?";
    }

    /** The key columns and full MD5 of the rows with the given keys: {@code count} keys bound column by column. */
    static String rowsByKey(String database, TableComparer.Table t, int count) {
        int width = t.primaryKey().size();
        String one = width == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        String column = width == 1 ? keyList(t) : "(" + keyList(t) + ")";
        return "SELECT " + keyList(t) + ", MD5(" + t.rowImage() + ") FROM " + Sql.qualified(database, t.name())
                + " WHERE " + column + " IN (" + String.join(", ", Collections.nCopies(count, one)) + ")";
    }

    /** {@code COUNT(*)} of the table. */
    static String count(String database, String table) {
        return "SELECT COUNT(*) FROM " + Sql.qualified(database, table);
    }

    private static String keyList(TableComparer.Table t) {
        return t.primaryKey().stream().map(Sql::quote).collect(Collectors.joining(", "));
    }
}
