package io.sitemove.sync.mysql;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.sync.mysql.internal.binlog.KeyText;
import io.sitemove.sync.mysql.internal.checksum.RowImage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a comparison of one table between two servers needs from the checksum delta: its columns, its
 * primary key, and the row image the delta hashes (every column's exact bytes, NULL and boundaries
 * marked), so that a verifier hashes rows exactly as the sync compares them.
 *
 * <pre>{@code
 * TableComparer.Table t = TableComparer.describe(connection, "shop", "orders");
 * String sql = "SELECT COUNT(*), SUM(CONV(LEFT(MD5(" + t.rowImage() + "), 16), 16, 10)) FROM orders";
 * }</pre>
 */
public final class TableComparer {
    private TableComparer() {
    }

    /**
     * One table as both sides compare it.
     *
     * @param name the table's name
     * @param columns its columns in table order, each as {@code name type[ unsigned][ collation]}
     * @param primaryKey its primary key's column names, in key order; empty when it has none
     * @param integerKeys for each key column, whether it is an integer
     * @param integerLeadingKey whether the key's first column is an integer (ranges are then cut on it)
     * @param keysWritable whether its keys read as text the same from a binlog and a result set
     *     ({@link #keyText}); false for keys of dates or binary strings
     * @param rowImage the SQL expression whose bytes stand for one row; null when it has no columns
     */
    public record Table(String name, List<String> columns, List<String> primaryKey, List<Boolean> integerKeys,
            boolean integerLeadingKey, boolean keysWritable, String rowImage) {
        public Table {
            Objects.requireNonNull(name, "name cannot be null");
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            integerKeys = List.copyOf(integerKeys);
        }

        /** Whether it has a primary key. */
        public boolean keyed() {
            return !primaryKey.isEmpty();
        }
    }

    /** Describes the table as {@code information_schema} of the connection's server has it. */
    public static Table describe(Connection c, String database, String table) throws SQLException {
        TableInfo info = TableInfo.read(c, database, table);
        List<String> columns = new ArrayList<>();
        for (ColumnInfo column : info.columns()) {
            columns.add(column.name() + " " + column.dataType() + (column.unsigned() ? " unsigned" : "")
                    + (column.collation() == null ? "" : " " + column.collation()));
        }
        List<String> key = new ArrayList<>();
        List<Boolean> integers = new ArrayList<>();
        boolean writable = true;
        for (int position : info.primaryKey()) {
            ColumnInfo column = info.columns().get(position);
            key.add(column.name());
            integers.add(column.integer());
            writable &= KeyText.writable(column);
        }
        boolean integer = info.hasPrimaryKey() && info.columns().get(info.primaryKey().get(0)).integer();
        String image = info.columns().isEmpty() ? null : RowImage.of(info.columns());
        return new Table(table, columns, key, integers, integer, writable, image);
    }

    /** A key's column values (as {@code ResultSet.getString} reads them) as one text, as {@link BinlogChanges} holds keys. */
    public static String keyText(List<String> values) {
        return KeyText.join(values);
    }
}
