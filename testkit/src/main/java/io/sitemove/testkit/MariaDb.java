package io.sitemove.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A running MariaDB server of the testkit, standing for the old or the new database server.
 *
 * <p>{@code user} is {@code sitemove}, with a random password and all privileges (with grant
 * option) from {@code '%'} and {@code 'localhost'}. The server's character set is utf8mb4.
 * {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * MariaDb db = testkit.oldDb();
 * db.createDatabase("shop");
 * try (Connection c = db.connect("shop")) { ... }
 * }</pre>
 *
 * @param name {@code "old"} or {@code "new"}
 * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
 * @param port its TCP port
 * @param user the user with all privileges, {@code sitemove}
 * @param password that user's password
 * @param socket its unix socket (root can log in there without a password)
 * @param dataDir its data directory
 * @param binlog whether binary logging is on (ROW format, FULL row image); true for the old server
 */
public record MariaDb(String name, String host, int port, String user, String password, Path socket,
        Path dataDir, boolean binlog) {

    private static final String JDBC_PARAMETERS = "?sslMode=DISABLED&characterEncoding=UTF-8"
            + "&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true";

    /**
     * Creates the record; no component may be null.
     *
     * @param name {@code "old"} or {@code "new"}
     * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
     * @param port its TCP port
     * @param user the user with all privileges, {@code sitemove}
     * @param password that user's password
     * @param socket its unix socket (root can log in there without a password)
     * @param dataDir its data directory
     * @param binlog whether binary logging is on (ROW format, FULL row image); true for the old server
     */
    public MariaDb {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(socket, "socket cannot be null");
        Objects.requireNonNull(dataDir, "dataDir cannot be null");
    }

    /**
     * Returns the JDBC URL of a database on this server, for MySQL Connector/J.
     *
     * @param database the database name, or {@code ""} for none
     * @return {@code "jdbc:mysql://HOST:PORT/DATABASE?..."} with parameters for tests
     *         (no TLS, UTF-8, batched statements rewritten)
     */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database cannot be null");
        return "jdbc:mysql://" + host + ":" + port + "/" + database + JDBC_PARAMETERS;
    }

    /**
     * Opens a connection as {@link #user()}.
     *
     * @param database the database name, or {@code ""} for none
     * @return a new connection; the caller closes it
     * @throws SQLException if the server refuses the connection
     */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /**
     * Creates a database (utf8mb4) if it does not exist yet.
     *
     * @param database its name; quoted as an identifier, so any name is safe
     * @throws SQLException if the server refuses
     */
    public void createDatabase(String database) throws SQLException {
        Objects.requireNonNull(database, "database cannot be null");
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + quoteIdentifier(database)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public String toString() {
        return "MariaDb[name=" + name + ", host=" + host + ", port=" + port + ", user=" + user
                + ", password=***, socket=" + socket + ", dataDir=" + dataDir + ", binlog=" + binlog + "]";
    }

    static String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
