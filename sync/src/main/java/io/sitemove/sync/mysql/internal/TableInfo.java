package io.sitemove.sync.mysql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table's columns in table order and the positions of its primary key, read from
 * {@code information_schema} (binlog row events carry no column names).
 *
 * @param name the table's name
 * @param columns its columns, in ordinal order
 * @param primaryKey positions (0-based) of its primary key's columns; empty when it has none
 */
public record TableInfo(String name, List<ColumnInfo> columns, List<Integer> primaryKey) {
    /** EXTRA of a generated column; MySQL's DEFAULT_GENERATED (an expression default) is not one. */
    static final Pattern GENERATED = Pattern.compile("\\b(VIRTUAL|STORED|PERSISTENT)\\b");

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** Reads a table's description; its column list is empty when the table does not exist. */
    public static TableInfo read(Connection c, String database, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        List<Integer> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE,"
                + " CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, COLUMN_KEY FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(6) == null ? "" : rs.getString(6).toUpperCase(Locale.ROOT);
                    columns.add(new ColumnInfo(rs.getString(1), rs.getString(2),
                            rs.getString(3).toLowerCase(Locale.ROOT).contains("unsigned"), rs.getString(4),
                            rs.getString(5), GENERATED.matcher(extra).find()));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        if (columns.get(i).name().equals(rs.getString(1))) {
                            key.add(i);
                        }
                    }
                }
            }
        }
        return new TableInfo(table, columns, key);
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }
}
