package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connections to the receiving database that bulk loads write through. */
public final class LoadConnections {
    private LoadConnections() {
    }

    /**
     * Opens a connection to the receiving database that may answer {@code LOAD DATA LOCAL} with a
     * stream the caller sets; until then the server gets an empty stream, never a local file. The endpoint's
     * URL is used as it is (its bounds and safe options); the one option that differs goes in the connection's
     * properties, which Connector/J lets override the URL's.
     */
    public static Connection open(DbEndpoint endpoint) {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password().reveal());
        props.setProperty("allowLoadLocalInfile", "true");
        try {
            Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), props);
            try {
                ChunkLoader.guard(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw Sql.failure("connect to " + endpoint.user() + "@" + endpoint.where(), endpoint, null, e);
        }
    }

}
