package io.sitemove.verify.internal.db;

import io.sitemove.sync.mysql.TableComparer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The base tables of one server's copy of the database, described for the comparison. */
final class Catalog {
    private static final String TABLES = "SELECT TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

    private Catalog() {
    }

    /** The tables by name, those excluded left out; null when the database does not exist. */
    static Map<String, TableComparer.Table> read(Connection c, String database, Set<String> excluded)
            throws SQLException {
        if (!exists(c, database)) {
            return null;
        }
        Map<String, TableComparer.Table> tables = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!excluded.contains(rs.getString(1))) {
                        tables.put(rs.getString(1), null);
                    }
                }
            }
        }
        for (String name : tables.keySet()) {
            tables.put(name, TableComparer.describe(c, database, name));
        }
        return tables;
    }

    /** Whether the database exists on this server. */
    static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
