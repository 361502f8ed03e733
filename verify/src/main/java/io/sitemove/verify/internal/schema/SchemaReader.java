package io.sitemove.verify.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;

/** Reads one database's schema from information_schema: a few queries, each bounded by the query timeout. */
public final class SchemaReader {
    private final Connection connection;
    private final String database;
    private final Duration queryTimeout;
    private final Predicate<String> included;

    /**
     * @param included which tables and views to read, by name (triggers follow their table)
     * @param queryTimeout the longest each query may run on the server
     */
    public SchemaReader(Connection connection, String database, Duration queryTimeout, Predicate<String> included) {
        this.connection = connection;
        this.database = database;
        this.queryTimeout = queryTimeout;
        this.included = included;
    }

    /** The database's schema. */
    public Schema read() throws SQLException {
        Query query = new Query(connection, database, queryTimeout);
        return new Schema(database, new TableReader(query, included).read(), new ObjectReader(query, included).read());
    }
}
