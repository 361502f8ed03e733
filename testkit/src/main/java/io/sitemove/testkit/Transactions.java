package io.sitemove.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs sample-data work in one transaction: committed whole, or rolled back whole. */
final class Transactions {
    /** Work on a connection that may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    static void inOne(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
