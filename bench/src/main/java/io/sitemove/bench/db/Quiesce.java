package io.sitemove.bench.db;

import io.sitemove.testkit.MariaDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Lets a server write back the pages a previous load left dirty before the next timing starts, so
 * no tool pays for the one timed before it (or for the data generation).
 */
public final class Quiesce {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Quiesce() {
    }

    /** Flushes the dirty pages of each server, waiting up to a minute for each. */
    public static void servers(MariaDb... dbs) throws SQLException, InterruptedException {
        for (MariaDb db : dbs) {
            flush(db);
        }
    }

    private static void flush(MariaDb db) throws SQLException, InterruptedException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            String before = single(s, "SELECT @@GLOBAL.innodb_max_dirty_pages_pct");
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            try {
                long deadline = System.nanoTime() + LIMIT.toNanos();
                while (Long.parseLong(single(s, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                s.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + Double.parseDouble(before));
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
