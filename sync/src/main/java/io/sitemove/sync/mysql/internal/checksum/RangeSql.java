package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.sync.mysql.internal.copy.TableJob;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.remote.db.Sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of a checksum delta for one key range ({@link Chunk}) of a table: its row count and hash,
 * its keys, and the delete that empties it on the receiving side.
 *
 * <p>The hash is {@code SHA2(GROUP_CONCAT(MD5(row image) ORDER BY key SEPARATOR ''), 256)}, so it
 * depends on every row and on their order. The row image concatenates one piece per column, in table
 * order, of the column's own bytes ({@code CAST(... AS BINARY)}; FLOAT as its exact double): NULL is
 * {@code -}, any other value {@code <length>:<bytes>}, or {@code <length>:<MD5 of the bytes>} for
 * long types (BLOB, TEXT, JSON, geometry), so that an image stays small. A value's piece starts with
 * a digit and says where it ends, so the image decodes to exactly one row: NULL, {@code ''} and
 * {@code 'NULL'} differ, and no value can move between columns or across a column boundary
 * unseen; with the key in the image and the order fixed, values swapped between rows change it too.
 */
final class RangeSql {
    /** Hex digits of each row's MD5 in the concatenation, for sizing {@code group_concat_max_len}. */
    static final int ROW_HASH_CHARS = 32;

    private static final Set<String> SHORT_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "decimal", "numeric", "float", "double", "real", "date", "datetime", "timestamp", "time", "year",
            "bit", "enum", "set", "char", "varchar", "binary", "varbinary");

    private RangeSql() {
    }

    /** {@code SELECT COUNT(*), <hash>} of the chunk's rows; bind with {@link #bind}. */
    static String hash(Chunk chunk, List<ColumnInfo> columns) {
        return "SELECT COUNT(*), SHA2(GROUP_CONCAT(MD5(" + rowImage(columns) + ") ORDER BY "
                + keyList(chunk.table()) + " SEPARATOR ''), 256) FROM " + Sql.quote(chunk.table().name()) + where(chunk);
    }

    /** The keys of the chunk's rows, in key order; bind with {@link #bind}. */
    static String keys(Chunk chunk) {
        return "SELECT " + keyList(chunk.table()) + " FROM " + Sql.quote(chunk.table().name()) + where(chunk)
                + " ORDER BY " + keyList(chunk.table());
    }

    /** Deletes the chunk's rows; bind with {@link #bind}. */
    static String delete(Chunk chunk) {
        return "DELETE FROM " + Sql.quote(chunk.table().name()) + where(chunk);
    }

    /** The expression whose bytes stand for one row: every column, NULL and boundaries marked. */
    static String rowImage(List<ColumnInfo> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a row image needs at least one column");
        }
        return "CONCAT(" + columns.stream().map(RangeSql::piece).collect(Collectors.joining(", ")) + ")";
    }

    static String piece(ColumnInfo column) {
        String quoted = Sql.quote(column.name());
        String bytes = "CAST(" + (column.dataType().equals("float") ? "(" + quoted + " + 0e0)" : quoted) + " AS BINARY)";
        String value = SHORT_TYPES.contains(column.dataType()) ? bytes : "MD5(" + bytes + ")";
        return "COALESCE(CONCAT(LENGTH(" + bytes + "), ':', " + value + "), '-')";
    }

    /** Binds the chunk's bounds, from parameter 1; returns the next parameter's index. */
    static int bind(PreparedStatement ps, Chunk chunk) throws SQLException {
        int p = 1;
        if (chunk.from() != null) {
            ps.setLong(p++, chunk.from());
        }
        if (chunk.to() != null) {
            ps.setLong(p++, chunk.to());
        }
        return p;
    }

    private static String where(Chunk chunk) {
        if (chunk.table().split() != TableJob.Split.INTEGER_RANGES || chunk.from() == null && chunk.to() == null) {
            return "";
        }
        String k = Sql.quote(chunk.table().key().get(0).name());
        if (chunk.from() == null) {
            return " WHERE " + k + " < ?";
        }
        return chunk.to() == null ? " WHERE " + k + " >= ?" : " WHERE " + k + " >= ? AND " + k + " < ?";
    }

    private static String keyList(TableJob table) {
        if (table.key().isEmpty()) {
            throw new IllegalArgumentException("table " + Sql.quote(table.name()) + " has no primary key to order by");
        }
        return table.key().stream().map(k -> Sql.quote(k.name())).collect(Collectors.joining(", "));
    }
}
