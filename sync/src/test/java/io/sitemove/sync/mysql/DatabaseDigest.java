package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares databases independently of the syncer: per table, a SHA-256 over every row in a total
 * order (all columns), each value's bytes with its length and NULL marked, plus CHECKSUM TABLE.
 */
final class DatabaseDigest {
    private DatabaseDigest() {
    }

    static void assertSame(Connection left, Connection right, String database) throws Exception {
        List<String> tables = baseTables(left, database);
        assertEquals(tables, baseTables(right, database), "base tables of " + database);
        for (String table : tables) {
            assertEquals(rows(left, table), rows(right, table), "rows of " + table);
            String checksum = checksum(left, table);
            assertNotNull(checksum, "CHECKSUM TABLE of " + table);
            assertEquals(checksum, checksum(right, table), "CHECKSUM TABLE of " + table);
        }
    }

    static List<String> baseTables(Connection c, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    static String rows(Connection c, String table) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String quoted = quote(table);
        int columns;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + " LIMIT 0")) {
            columns = rs.getMetaData().getColumnCount();
        }
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            order.append(i == 1 ? "" : ",").append(i);
        }
        long rows = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + " ORDER BY " + order)) {
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    byte[] value = rs.getBytes(i);
                    if (value == null) {
                        sha.update((byte) 0);
                    } else {
                        sha.update((byte) 1);
                        sha.update(Integer.toString(value.length).getBytes());
                        sha.update(value);
                    }
                }
            }
        }
        return rows + ":" + HexFormat.of().formatHex(sha.digest());
    }

    static String checksum(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE " + quote(table))) {
            rs.next();
            return rs.getString(2);
        }
    }

    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
