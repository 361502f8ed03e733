package io.sitemove.verify.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Runs one information_schema query for one database, bounded by a query timeout, row by row. */
final class Query {
    /** What is done with each row. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String database;
    private final int timeoutSeconds;

    Query(Connection connection, String database, Duration timeout) {
        this.connection = connection;
        this.database = database;
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }

    /** Runs {@code sql}, whose every {@code ?} is the database's name, and hands each row to {@code row}. */
    void each(String sql, Row row) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setQueryTimeout(timeoutSeconds);
            int parameters = (int) sql.chars().filter(c -> c == '?').count();
            for (int i = 1; i <= parameters; i++) {
                s.setString(i, database);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    String database() {
        return database;
    }
}
