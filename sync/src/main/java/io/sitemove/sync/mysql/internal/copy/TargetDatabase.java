package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receiving database of a copy: made ready for the snapshot's rows, its tables listed and compared. */
public final class TargetDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(TargetDatabase.class);

    private TargetDatabase() {
    }

    /**
     * Creates the database when missing (with the snapshot's character set) and sets the session as the
     * snapshot's: its sql_mode, UTC, foreign-key and unique checks off, no autocommit.
     */
    public static void prepare(Connection write, DbEndpoint to, SourceSnapshot snapshot) throws SQLException {
        Sql.execute(write, "CREATE DATABASE IF NOT EXISTS " + Sql.quote(to.database())
                + (snapshot.charset() == null ? "" : " CHARACTER SET " + snapshot.charset())
                + (snapshot.collation() == null ? "" : " COLLATE " + snapshot.collation()));
        write.setCatalog(to.database());
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, snapshot.sqlMode());
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
        write.setAutoCommit(false);
    }

    /** The database's base tables, sorted. */
    public static Set<String> baseTables(Connection c, String database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Whether the receiving side has the table with the same definition (its AUTO_INCREMENT counter aside). */
    public static boolean sameDefinition(Connection read, Connection write, Set<String> targetTables, String table)
            throws SQLException {
        return targetTables.contains(table) && normalize(SourceSnapshot.createStatement(read, table))
                .equals(normalize(SourceSnapshot.createStatement(write, table)));
    }

    private static String normalize(String create) {
        return create.replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    /**
     * The receiving side's base tables the sending side does not have: dropped when {@code drop} is set,
     * else left in place with a warning.
     */
    static List<String> extraTables(CopyRequest request, Connection write, Set<String> targetTables,
            Set<String> sourceTables) {
        List<String> extra = new ArrayList<>(targetTables);
        extra.removeAll(sourceTables);
        if (request.dropMissingTables()) {
            for (String t : extra) {
                try {
                    Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(t));
                } catch (SQLException e) {
                    throw Sql.failure("drop a table the source does not have (" + request.name() + ")", request.to(),
                            t, e);
                }
            }
        } else if (!extra.isEmpty()) {
            LOG.warn("{}: {} has tables the source does not: {}; left in place (dropMissingTables is off)",
                    request.name(), request.to().where(), extra);
        }
        return extra;
    }
}
