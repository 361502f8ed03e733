package io.sitemove.remote.db;

import io.sitemove.remote.AccessRefusedException;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A database server refused the login (SQLState 28000, MySQL error 1045 "Access denied"): a wrong
 * password, an unknown user, or a user not allowed to log in from this machine. Permanent. Carries
 * where and as whom, never the password.
 */
public final class DatabaseAuthException extends AccessRefusedException {
    private static final long serialVersionUID = 1L;

    /** The SQLState of a refused login. */
    public static final String SQL_STATE = "28000";
    /** MySQL's and MariaDB's error code for a refused login (ER_ACCESS_DENIED_ERROR). */
    public static final int ACCESS_DENIED = 1045;

    private final String where;
    private final String user;

    private DatabaseAuthException(String message, String where, String user, SQLException cause) {
        super(message, cause);
        this.where = where;
        this.user = user;
    }

    /**
     * The server at {@code endpoint} refused {@code endpoint.user()} while the caller tried to {@code what}
     * ("connect to migrate@db:3306/shop"); {@code cause} is the driver's refusal.
     */
    public static DatabaseAuthException refused(String what, DbEndpoint endpoint, SQLException cause) {
        Objects.requireNonNull(what, "what cannot be null");
        Objects.requireNonNull(endpoint, "endpoint cannot be null");
        Objects.requireNonNull(cause, "cause cannot be null");
        return new DatabaseAuthException("could not " + what + " on " + endpoint.where() + ": the server refused the login"
                + " of user '" + endpoint.user() + "' (SQLState " + cause.getSQLState() + ", error " + cause.getErrorCode()
                + "); check the user's password, and that the user exists and may log in from this machine",
                endpoint.where(), endpoint.user(), cause);
    }

    /** Whether an SQL failure is a refused login: SQLState 28000 or error 1045. */
    public static boolean isRefusedLogin(SQLException e) {
        return SQL_STATE.equals(e.getSQLState()) || e.getErrorCode() == ACCESS_DENIED;
    }

    /** Where the login was refused: {@code host:port/database}. */
    public String where() {
        return where;
    }

    /** The user whose login was refused. */
    public String user() {
        return user;
    }
}
