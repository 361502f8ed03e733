package io.sitemove.remote.db;

import io.sitemove.Secret;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB database reached over TCP. Its JDBC URL never holds the password, and
 * {@link #toString()} never shows it.
 *
 * <pre>{@code
 * DbEndpoint old = new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(System.getenv("OLD_DB_PASSWORD")));
 * }</pre>
 *
 * @param host host name or address (IPv6 in brackets)
 * @param port TCP port
 * @param database database (schema) name: letters, digits, {@code _ $ -}, up to 64
 * @param user the user to log in as
 * @param password that user's password
 */
public record DbEndpoint(String host, int port, String database, String user, Secret password) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
    private static final String PARAMETERS = "?sslMode=PREFERRED&characterEncoding=UTF-8"
            + "&rewriteBatchedStatements=true&allowLoadLocalInfile=false&allowUrlInLocalInfile=false"
            + "&useCursorFetch=false&connectTimeout=10000&tcpKeepAlive=true&useLocalSessionState=true";

    public DbEndpoint {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(database, "database cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        if (!HOST.matcher(host).matches() || host.startsWith("-")) {
            throw new IllegalArgumentException("database host '" + host + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port " + port + " is outside 1..65535");
        }
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("database name '" + database
                    + "' must be 1 to 64 letters, digits, '_', '$' or '-'");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("database user cannot be blank");
        }
    }

    /** The JDBC URL for MySQL Connector/J: host, port, database and safe options; never the password. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + PARAMETERS;
    }

    /** The JDBC URL of the server without selecting a database (to create it). */
    public String serverJdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + PARAMETERS;
    }

    /** {@code host:port/database}, for messages. */
    public String where() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DbEndpoint[" + user + "@" + where() + "]";
    }
}
