package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.Set;

/**
 * A copy connection that went away (killed, server gone, network cut) named as such: which server,
 * which table, what happens next; transient, the driver's failure attached as the cause and only its
 * first line in the message.
 */
final class LostConnection {
    /** Killed by KILL, server shutdown, server gone away, lost during a query. */
    private static final Set<Integer> LOST_CODES = Set.of(1927, 1053, 2006, 2013);

    private LostConnection() {
    }

    /** Whether the failure means the connection is gone. */
    static boolean isLost(SQLException e, Connection c) {
        if (e instanceof SQLRecoverableException || (e.getSQLState() != null && e.getSQLState().startsWith("08"))
                || LOST_CODES.contains(e.getErrorCode())) {
            return true;
        }
        return closed(c);
    }

    /** Whether the connection is closed (a driver that cannot say counts as closed). */
    static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The failure of a copy that lost its connection to {@code endpoint} while {@code doing} table {@code table}. */
    static MigrationException of(String name, DbEndpoint endpoint, String side, String doing, String table,
            Exception cause) {
        String first = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().strip().split("\\R", 2)[0];
        return MigrationException.retryable("the connection to the " + side + " database " + endpoint.where() + " was"
                + " lost while " + doing + " table " + Sql.quote(table) + " (" + name + ": " + first + "); the copy"
                + " stopped there; tried again, the FULL copy starts over from a new snapshot and recreates every"
                + " table, so nothing is applied twice", cause);
    }

    /**
     * A JDBC call on a connection the driver has torn down can fail with a bare NullPointerException
     * (its session is gone); that is turned into the lost connection it is, else rethrown.
     */
    static SQLException closedUnderneath(RuntimeException e, Connection c) {
        if (!closed(c)) {
            throw e;
        }
        SQLException lost = new SQLRecoverableException("the connection was closed", "08003");
        lost.initCause(e);
        return lost;
    }
}
