package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.BinlogPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a consistent snapshot of the sending database holds (its tables with their row estimates, its
 * sql_mode and character set, the binlog position it belongs to), and the statements that read a table's
 * definition, columns and checksum through such a snapshot ({@link SnapshotGroup}).
 */
public final class SourceSnapshot {
    private final String sqlMode;
    private final String charset;
    private final String collation;
    private final Optional<BinlogPosition> binlogPosition;
    private final Map<String, Long> tables;

    private SourceSnapshot(String sqlMode, String charset, String collation, Optional<BinlogPosition> binlogPosition,
            Map<String, Long> tables) {
        this.sqlMode = sqlMode;
        this.charset = charset;
        this.collation = collation;
        this.binlogPosition = binlogPosition;
        this.tables = tables;
    }

    /** Describes the database as seen by a connection whose snapshot is already open, at that binlog position. */
    public static SourceSnapshot describe(Connection c, DbEndpoint endpoint, Optional<BinlogPosition> binlog)
            throws SQLException {
        String sqlMode = Sql.single(c, "SELECT @@SESSION.sql_mode");
        String charset;
        String collation;
        try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, endpoint.database());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("database " + endpoint.database() + " does not exist", "42000", 1049);
                }
                charset = rs.getString(1);
                collation = rs.getString(2);
            }
        }
        Map<String, Long> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, endpoint.database());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), Math.max(0, rs.getLong(2)));
                }
            }
        }
        return new SourceSnapshot(sqlMode, charset, collation, binlog, tables);
    }

    public String sqlMode() {
        return sqlMode;
    }

    public String charset() {
        return charset;
    }

    public String collation() {
        return collation;
    }

    /** The binlog position of the snapshot, when the server keeps a binary log. */
    public Optional<BinlogPosition> binlogPosition() {
        return binlogPosition;
    }

    /** Base tables by name, with the server's row estimate. */
    public Map<String, Long> tables() {
        return tables;
    }

    /** The table's CREATE TABLE statement. */
    public static String createStatement(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + Sql.quote(table))) {
            if (!rs.next()) {
                throw new SQLException("SHOW CREATE TABLE returned nothing");
            }
            return rs.getString(2);
        }
    }

    /** The columns a copy can write: all but generated ones, in table order. */
    public static List<String> insertableColumns(Connection c, String database, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(java.util.Locale.ROOT);
                    if (!extra.contains("GENERATED") && !extra.contains("VIRTUAL") && !extra.contains("PERSISTENT")) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return columns;
    }

    /** CHECKSUM TABLE and COUNT(*) of a table, as one comparable string; null when the table is missing. */
    public static String fingerprint(Connection c, String table) throws SQLException {
        String checksum;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE " + Sql.quote(table))) {
            checksum = rs.next() ? rs.getString(2) : null;
        }
        if (checksum == null) {
            return null;
        }
        return checksum + "/" + Sql.single(c, "SELECT COUNT(*) FROM " + Sql.quote(table));
    }
}
