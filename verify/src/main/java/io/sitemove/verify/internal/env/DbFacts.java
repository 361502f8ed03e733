package io.sitemove.verify.internal.env;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one database server runs and how it is set.
 *
 * @param where the server, for details ("10.0.0.5:3306/shop")
 * @param version {@code VERSION()} ("10.11.6-MariaDB-0+deb12u1")
 * @param sqlMode {@code @@GLOBAL.sql_mode}
 * @param charset {@code @@character_set_server}
 * @param collation {@code @@collation_server}
 * @param timeZone {@code @@time_zone}, with {@code @@system_time_zone} when it is SYSTEM
 * @param maxAllowedPacket {@code @@max_allowed_packet} in bytes
 * @param lowerCaseTableNames {@code @@lower_case_table_names}
 */
public record DbFacts(String where, String version, String sqlMode, String charset, String collation,
        String timeZone, long maxAllowedPacket, int lowerCaseTableNames) {
    /**
     * The global values: what the site's connections start with. The session's would be the driver's
     * (Connector/J adds STRICT_TRANS_TABLES to its session's sql_mode).
     */
    private static final String QUERY = "SELECT VERSION(), @@GLOBAL.sql_mode, @@GLOBAL.character_set_server,"
            + " @@GLOBAL.collation_server, @@GLOBAL.time_zone, @@GLOBAL.system_time_zone, @@GLOBAL.max_allowed_packet,"
            + " @@GLOBAL.lower_case_table_names";

    /** The engine: MariaDB when the version says so, MySQL otherwise. */
    public String engine() {
        return version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
    }

    /** The engine and its major.minor version ("MariaDB 10.11"). */
    public String release() {
        String[] parts = version.split("[.-]");
        return engine() + " " + (parts.length > 1 ? parts[0] + "." + parts[1] : version);
    }

    /**
     * Reads the facts of {@code db}'s server.
     *
     * @throws io.sitemove.MigrationException when it cannot be read, naming the server
     */
    public static DbFacts read(DbEndpoint db) {
        try (Connection c = Sql.open(db, false); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            String zone = rs.getString(5);
            if ("SYSTEM".equalsIgnoreCase(zone)) {
                zone = "SYSTEM (" + rs.getString(6) + ")";
            }
            return new DbFacts(db.where(), rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), zone,
                    rs.getLong(7), rs.getInt(8));
        } catch (SQLException e) {
            throw Sql.failure("read the server's settings", db, null, e);
        }
    }
}
