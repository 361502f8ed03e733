package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.Set;

/**
 * A copy connection that went away (killed, server gone, network cut) named as such: which server,
 * which table, what happens next; transient, the driver's failure attached as the cause and only its
 * first line in the message.
 */
public final class LostConnection {
    /** Killed by KILL, server shutdown, server gone away, lost during a query. */
    private static final Set<Integer> LOST_CODES = Set.of(1927, 1053, 2006, 2013);

    private LostConnection() {
    }

    /**
     * A failure of {@code doing} on {@code at}, one of the copy's two sides: a lost connection named as such,
     * any other SQL failure as {@link Sql#failure} says it ({@code what} could not be done).
     */
    static MigrationException sqlFailure(CopyRequest request, DbEndpoint at, String what, String doing, String table,
            SQLException e) {
        if (!isLost(e)) {
            return Sql.failure(what + " (" + request.name() + ")", at, table, e);
        }
        return of(request.name(), at, at.equals(request.from()) ? "source" : "target", doing, table, e);
    }

    /** Whether the failure means a connection is gone: its kind, its error code, an I/O cause, or a closed connection. */
    public static boolean isLost(Exception e, Connection... connections) {
        if (e instanceof SQLException sql && (sql instanceof SQLRecoverableException
                || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || LOST_CODES.contains(sql.getErrorCode()))) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        for (Connection c : connections) {
            if (closed(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the connection is closed or no longer answers (within 2 s). */
    public static boolean gone(Connection c) {
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Whether the connection is closed (a driver that cannot say counts as closed). */
    public static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * The failure of a copy that lost its connection to {@code endpoint} while {@code doing} table {@code table}
     * (null: while working on the tables in general).
     */
    static MigrationException of(String name, DbEndpoint endpoint, String side, String doing, String table,
            Exception cause) {
        return MigrationException.retryable("the connection to the " + side + " database " + endpoint.where() + " was"
                + " lost while " + doing + (table == null ? " its tables" : " table " + Sql.quote(table)) + " (" + name + "); the copy"
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
