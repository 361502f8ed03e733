package io.sitemove.remote.db;

import io.sitemove.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB database reached over TCP. Its JDBC URL never holds the password, and
 * {@link #toString()} never shows it.
 *
 * <pre>{@code
 * DbEndpoint old = new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(System.getenv("OLD_DB_PASSWORD")))
 *     .withReadIdleTimeout(Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>Every wait is bounded: opening the connection, up to the server's greeting and the login, by
 * {@link #connectTimeout()} (default 10 s; Connector/J's {@code connectTimeout}), and every read on an open
 * connection by {@link #readIdleTimeout()} (default 10 min; Connector/J's {@code socketTimeout}). The read-idle
 * bound is about silence on the socket, one read at a time, not the length of a statement: a long SELECT
 * streaming rows or a big {@code LOAD DATA} sending its file never runs into it; a statement for which the
 * server works longer than the bound before sending its first byte back does (a huge {@code ALTER}): raise the
 * bound for such a database. (The MySQL syncer's deferred index builds have their own, longer bound.) A wait that runs out is a
 * transient failure naming the endpoint and the wait (see {@link Sql#failure}).
 *
 * @param host host name or address (IPv6 in brackets)
 * @param port TCP port
 * @param database database (schema) name: letters, digits, {@code _ $ -}, up to 64
 * @param user the user to log in as
 * @param password that user's password
 * @param connectTimeout the longest wait for the connection to open and the login to be answered
 * @param readIdleTimeout the longest silence on an open connection while a statement waits for the server
 */
public record DbEndpoint(String host, int port, String database, String user, Secret password,
        Duration connectTimeout, Duration readIdleTimeout) {
    /** The default bound on opening a connection and logging in. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default bound on silence while a statement waits for the server. */
    public static final Duration DEFAULT_READ_IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
    private static final String PARAMETERS = "?sslMode=PREFERRED&characterEncoding=UTF-8"
            + "&rewriteBatchedStatements=true&allowLoadLocalInfile=false&allowUrlInLocalInfile=false"
            + "&useCursorFetch=false&tcpKeepAlive=true&useLocalSessionState=true"
            + "&socketFactory=io.sitemove.remote.db.internal.HandshakeBoundSocketFactory";

    /** An endpoint with the default bounds on its waits. */
    public DbEndpoint(String host, int port, String database, String user, Secret password) {
        this(host, port, database, user, password, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_IDLE_TIMEOUT);
    }

    public DbEndpoint {
        bound(connectTimeout, "connectTimeout");
        bound(readIdleTimeout, "readIdleTimeout");
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

    private static void bound(Duration value, String what) {
        Objects.requireNonNull(value, what + " cannot be null");
        if (value.toMillis() < 1 || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("database " + what + " " + value
                    + " must be at least a millisecond and at most a day");
        }
    }

    /** This endpoint with another bound on opening a connection and logging in. */
    public DbEndpoint withConnectTimeout(Duration timeout) {
        return new DbEndpoint(host, port, database, user, password, timeout, readIdleTimeout);
    }

    /** This endpoint with another bound on silence while a statement waits for the server. */
    public DbEndpoint withReadIdleTimeout(Duration timeout) {
        return new DbEndpoint(host, port, database, user, password, connectTimeout, timeout);
    }

    /** The JDBC URL for MySQL Connector/J: host, port, database, the bounds and safe options; never the password. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + parameters();
    }

    /** The JDBC URL of the server without selecting a database (to create it). */
    public String serverJdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + parameters();
    }

    private String parameters() {
        return PARAMETERS + "&connectTimeout=" + connectTimeout.toMillis()
                + "&socketTimeout=" + Math.min(Integer.MAX_VALUE, readIdleTimeout.toMillis());
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
