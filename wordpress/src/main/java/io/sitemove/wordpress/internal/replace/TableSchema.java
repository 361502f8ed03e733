package io.sitemove.wordpress.internal.replace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the database pass needs to know of one table: its primary key's columns in order and its text columns.
 *
 * @param table the table's name
 * @param key the primary key's columns, empty when it has none
 * @param text the text columns (char, varchar and the text types) outside the key
 */
public record TableSchema(String table, List<String> key, List<String> text) {
    private static final String KEY = "SELECT COLUMN_NAME FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX";
    private static final String TEXT = "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND DATA_TYPE IN"
            + " ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext') ORDER BY ORDINAL_POSITION";

    /** The base tables of a database whose names start with {@code prefix}, in name order. */
    public static List<String> tables(Connection c, String database, String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String t : column(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", database, null)) {
            if (t.startsWith(prefix)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Reads one table's schema. */
    public static TableSchema read(Connection c, String database, String table) throws SQLException {
        List<String> key = column(c, KEY, database, table);
        List<String> text = new ArrayList<>(column(c, TEXT, database, table));
        text.removeAll(key);
        return new TableSchema(table, List.copyOf(key), List.copyOf(text));
    }

    private static List<String> column(Connection c, String sql, String database, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, database);
            if (table != null) {
                s.setString(2, table);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
