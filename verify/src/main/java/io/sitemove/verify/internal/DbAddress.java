package io.sitemove.verify.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Objects;
import java.util.Properties;

/**
 * A database the verifier reads: a {@link DbEndpoint} with the connection and error handling the
 * verifier needs (connects to the server without selecting the database, so a missing database is
 * reported rather than refused at login).
 *
 * @param endpoint where the database is, and who logs in
 */
public record DbAddress(DbEndpoint endpoint) {
    public DbAddress {
        Objects.requireNonNull(endpoint, "endpoint cannot be null");
    }

    public String database() {
        return endpoint.database();
    }

    /** Opens a connection; throws a MigrationException naming the server, transient when the network failed. */
    public Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password().reveal());
        try {
            return DriverManager.getConnection(endpoint.serverJdbcUrl(), props);
        } catch (SQLException e) {
            throw failure("could not connect; check that the server runs and that user '" + endpoint.user()
                    + "' may log in from here", e);
        }
    }

    /** A MigrationException for a failure on this database, transient when the connection failed. */
    public MigrationException failure(String what, SQLException e) {
        boolean transientFailure = e instanceof SQLTransientException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        return MigrationException.of("database " + this + ": " + what + " (" + e.getMessage() + ")", e, transientFailure);
    }

    @Override
    public String toString() {
        return "'" + endpoint.database() + "' on " + endpoint.host() + ":" + endpoint.port();
    }
}
