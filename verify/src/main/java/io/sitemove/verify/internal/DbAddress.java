package io.sitemove.verify.internal;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where one side's database is and how to log in; {@link #toString()} never shows the password.
 *
 * @param host the server's host name or address
 * @param port its port
 * @param database the database (schema) to compare
 * @param user the user
 * @param password the password
 */
public record DbAddress(String host, int port, String database, String user, Secret password) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");
    private static final int CONNECT_TIMEOUT_MS = (int) Duration.ofSeconds(15).toMillis();

    public DbAddress {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(database, "database cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("database host '" + Printable.excerpt(host, 100) + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port " + port + " is outside 1..65535");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("database name cannot be empty");
        }
    }

    /** Opens a connection; throws a MigrationException naming the server, transient when the network failed. */
    public Connection connect() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String url = "jdbc:mysql://" + hostPart + ":" + port + "/?connectTimeout=" + CONNECT_TIMEOUT_MS
                + "&characterEncoding=UTF-8&sslMode=PREFERRED";
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password.reveal());
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw failure("could not connect; check that the server runs and that user '" + user
                    + "' may log in from here", e);
        }
    }

    /** A MigrationException for a failure on this database, transient when the connection failed. */
    public MigrationException failure(String what, SQLException e) {
        boolean transientFailure = e instanceof SQLTransientException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        return new MigrationException(null, null, "database " + this + ": " + what + " (" + e.getMessage() + ")",
                e, transientFailure);
    }

    @Override
    public String toString() {
        return "'" + database + "' on " + host + ":" + port;
    }
}
