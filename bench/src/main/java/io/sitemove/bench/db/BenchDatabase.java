package io.sitemove.bench.db;

import io.sitemove.testkit.MariaDb;
import java.sql.Connection;
import java.sql.SQLException;

/** The bench's WordPress-like database for the suites outside this package: made, and changed by a share. */
public final class BenchDatabase {
    private BenchDatabase() {
    }

    /** Generates the database {@code name} on the server at the scale (1 is about 1 GB); returns its rows. */
    public static long generate(MariaDb db, String name, double scale, int threads) throws Exception {
        try (Connection admin = db.connect("")) {
            return WordPressDatabase.generate(admin, () -> {
                try {
                    return db.connect(name);
                } catch (SQLException e) {
                    throw new IllegalStateException("connect to " + db.name() + "/" + name, e);
                }
            }, name, scale, threads);
        }
    }

    /**
     * Changes {@code share} of the rows of the big tables (updates, deletes, inserts, as the db suite's
     * delta does), on the source; returns the rows changed.
     */
    public static long change(MariaDb db, String name, double scale, double share) throws SQLException {
        try (Connection c = db.connect(name)) {
            return WordPressDatabase.change(c, t -> Math.max(1, Math.round(t.rows(scale) * share)));
        }
    }
}
