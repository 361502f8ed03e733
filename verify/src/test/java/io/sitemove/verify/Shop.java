package io.sitemove.verify;

import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A small shop database: keyed by integer, by text, by two columns, one table without a key, one big table. */
final class Shop {
    /** Rows of the big table, ids 1 to BIG. */
    static final int BIG = 30_000;
    /** Rows of all tables together. */
    static final int ROWS = 3 + 3 + 2 + 4 + BIG;

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100), total DECIMAL(10,2),"
                    + " placed DATETIME, note TEXT NULL, receipt BLOB NULL)",
            "CREATE TABLE `odd``name` (k VARCHAR(10) NOT NULL, v INT) ENGINE=InnoDB",
            "CREATE TABLE options (name VARCHAR(50) PRIMARY KEY, value LONGTEXT)",
            "CREATE TABLE term_rel (object_id BIGINT UNSIGNED NOT NULL, term_id INT NOT NULL, ord INT,"
                    + " PRIMARY KEY (object_id, term_id))",
            "CREATE TABLE big (id BIGINT UNSIGNED PRIMARY KEY, label VARCHAR(40), body TEXT, at TIMESTAMP NULL)",
            "CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100",
            "INSERT INTO orders VALUES (1, 'Ann', 12.50, '2024-01-02 03:04:05', NULL, X'00FF10'),"
                    + " (2, 'Bob', 99.99, '2024-02-03 04:05:06', '', NULL), (3, 'Café 🚀', 150.00, NULL, 'gift', X'')",
            "INSERT INTO `odd``name` VALUES ('a', 1), ('a', 1), ('b', NULL)",
            "INSERT INTO options VALUES ('siteurl', 'http://site.example.test'), ('blogname', 'Shop')",
            "INSERT INTO term_rel VALUES (1, 7, 0), (2, 7, 1), (2, 8, 0), (3, 9, NULL)",
            "INSERT INTO big SELECT seq, CONCAT('label ', seq), REPEAT(SHA2(seq, 256), 3),"
                    + " FROM_UNIXTIME(1700000000 + seq) FROM seq_1_to_" + BIG);

    private final Testkit kit;

    Shop(Testkit kit) {
        this.kit = kit;
    }

    /** Creates the database on the server, with its tables and rows. */
    void create(MariaDb db, String database) throws SQLException {
        db.createDatabase(database);
        for (String sql : SCHEMA) {
            execute(db, database, sql);
        }
    }

    /** Runs statements in the database. */
    void execute(MariaDb db, String database, String... sql) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    Testkit kit() {
        return kit;
    }
}
