package io.sitemove.remote.db;

import io.sitemove.remote.Bounds;
import io.sitemove.MigrationException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.Properties;

/** Small JDBC helpers: connections that keep the password out of URLs, quoting, error wrapping. */
public final class Sql {
    private Sql() {
    }

    /** Quotes an identifier with backticks, doubling embedded ones. */
    public static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier cannot contain a NUL byte");
        }
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** {@code database.name}, both quoted with {@link #quote}. */
    public static String qualified(String database, String name) {
        return quote(database) + "." + quote(name);
    }

    /**
     * An account as GRANT and ALTER DEFINER take it, {@code 'user'@'host'}: each part a string literal,
     * quotes doubled and backslashes escaped.
     */
    public static String account(String user, String host) {
        return literal(user) + "@" + literal(host);
    }

    private static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * Opens a connection to the endpoint's database, or to its server when {@code withDatabase} is false.
     *
     * @throws DatabaseAuthException when the server refuses the login
     * @throws MigrationException otherwise, transient when the server could not be reached or did not answer
     *     within the endpoint's {@link DbEndpoint#connectTimeout() connect timeout}
     */
    public static Connection open(DbEndpoint endpoint, boolean withDatabase) {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password().reveal());
        try {
            return DriverManager.getConnection(withDatabase ? endpoint.jdbcUrl() : endpoint.serverJdbcUrl(), props);
        } catch (SQLException e) {
            if (timedOut(e)) {
                throw timedOut("connect as " + endpoint.user(), endpoint, null, e,
                        "no answer within " + Bounds.describe(endpoint.connectTimeout()) + " (the endpoint's connect timeout)");
            }
            throw failure("connect as " + endpoint.user(), endpoint, null, e);
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static MigrationException timedOut(String what, DbEndpoint endpoint, String table, SQLException e,
            String wait) {
        return MigrationException.of("could not " + what + " on " + endpoint.where()
                + (table == null ? "" : ", table " + quote(table)) + ": " + wait
                + "; check that the database server is up and answering, then try again", e, true);
    }

    /**
     * An SQL failure as a {@link MigrationException} naming the server, database and table; transient for
     * dropped connections and for a server silent longer than the endpoint's
     * {@link DbEndpoint#readIdleTimeout() read-idle timeout}; a {@link DatabaseAuthException} when the login was
     * refused.
     */
    public static MigrationException failure(String what, DbEndpoint endpoint, String table, SQLException e) {
        if (DatabaseAuthException.isRefusedLogin(e)) {
            return DatabaseAuthException.refused(what, endpoint, e);
        }
        if (timedOut(e)) {
            return timedOut(what, endpoint, table, e, "the server sent nothing for "
                    + Bounds.describe(endpoint.readIdleTimeout()) + " (the endpoint's read-idle timeout)");
        }
        boolean transientFailure = e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        return MigrationException.of("could not " + what + " on " + endpoint.where()
                + (table == null ? "" : ", table " + quote(table)) + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + ")"
                + (transientFailure ? "; try again" : ""), e, transientFailure);
    }

    /** The first column of the first row of a query, or null. */
    public static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
