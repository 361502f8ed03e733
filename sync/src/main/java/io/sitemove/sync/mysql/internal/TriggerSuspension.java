package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.internal.copy.LostConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the receiving database's triggers away while a delta writes rows, and puts them back as
 * they were: the source's triggers already did their work, and its results travel as rows, so a
 * trigger firing again on the receiving side would do it twice.
 */
public final class TriggerSuspension implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerSuspension.class);

    private record Saved(String name, String sqlMode, String statement) {
    }

    private final Connection connection;
    private final String where;
    private final List<Saved> saved;

    private TriggerSuspension(Connection connection, String where, List<Saved> saved) {
        this.connection = connection;
        this.where = where;
        this.saved = saved;
    }

    /** Drops the database's triggers, remembering how to recreate them. */
    public static TriggerSuspension suspend(Connection c, String database, String where) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<Saved> saved = new ArrayList<>();
        for (String name : names) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW CREATE TRIGGER " + Sql.quote(database) + "." + Sql.quote(name))) {
                if (rs.next()) {
                    saved.add(new Saved(name, rs.getString(2), rs.getString(3)));
                }
            }
        }
        TriggerSuspension suspension = new TriggerSuspension(c, where, saved);
        for (Saved trigger : saved) {
            Sql.execute(c, "DROP TRIGGER IF EXISTS " + Sql.quote(database) + "." + Sql.quote(trigger.name()));
        }
        if (!saved.isEmpty()) {
            LOG.info("suspended {} triggers on {} while rows are applied", saved.size(), where);
        }
        return suspension;
    }

    /** Recreates the triggers; a failure names those lost, so that a FULL sync can bring them back. */
    @Override
    public void close() throws SQLException {
        recreate(connection);
    }

    /**
     * Recreates the triggers as {@link #close} does, on a new connection to {@code endpoint} when the one
     * they were suspended on is gone (its session killed, the server restarted): a delta that lost its
     * connection does not leave them dropped.
     */
    public void restore(DbEndpoint endpoint) throws SQLException {
        if (saved.isEmpty()) {
            return;
        }
        if (!LostConnection.gone(connection)) {
            recreate(connection);
            return;
        }
        try (Connection fresh = Sql.open(endpoint, true)) {
            recreate(fresh);
            LOG.info("recreated {} triggers on {} over a new connection, the delta's was lost", saved.size(), where);
        }
    }

    private void recreate(Connection c) throws SQLException {
        if (saved.isEmpty()) {
            return;
        }
        String mode = Sql.single(c, "SELECT @@SESSION.sql_mode");
        List<String> lost = new ArrayList<>();
        SQLException first = null;
        for (Saved trigger : saved) {
            try {
                SchemaObjects.setSession(c, trigger.sqlMode(), null);
                Sql.execute(c, trigger.statement());
            } catch (SQLException e) {
                lost.add(trigger.name());
                first = first == null ? e : first;
            }
        }
        SchemaObjects.setSession(c, mode, null);
        if (first != null) {
            throw new SQLException("triggers " + lost + " on " + where + " were suspended for the delta and could not be"
                    + " recreated (" + first.getMessage() + "); run a FULL sync to restore them", first.getSQLState(),
                    first.getErrorCode(), first);
        }
    }
}
