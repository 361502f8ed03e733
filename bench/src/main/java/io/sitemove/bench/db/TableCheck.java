package io.sitemove.bench.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks that every base table holds the same rows on both sides: same tables, counts and CHECKSUM TABLE. */
final class TableCheck {
    private TableCheck() {
    }

    /** Throws when any table differs; returns how many tables were compared. */
    static int assertSame(Connection left, String leftDb, Connection right, String rightDb, String what)
            throws SQLException {
        List<String> tables = tables(left, leftDb);
        List<String> other = tables(right, rightDb);
        if (!tables.equals(other)) {
            throw new IllegalStateException(what + ": tables differ: " + tables + " vs " + other);
        }
        for (String t : tables) {
            String l = fingerprint(left, leftDb, t);
            String r = fingerprint(right, rightDb, t);
            if (!l.equals(r)) {
                throw new IllegalStateException(what + ": table " + t + " differs: " + l + " vs " + r);
            }
        }
        return tables.size();
    }

    static List<String> tables(Connection c, String db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private static String fingerprint(Connection c, String db, String table) throws SQLException {
        String q = quote(db) + "." + quote(table);
        try (Statement s = c.createStatement()) {
            String checksum;
            try (ResultSet rs = s.executeQuery("CHECKSUM TABLE " + q)) {
                rs.next();
                checksum = rs.getString(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + q)) {
                rs.next();
                return rs.getLong(1) + " rows, checksum " + checksum;
            }
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
