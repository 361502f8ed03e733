package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlSyncerIT {
    private static final List<String> TABLES = List.of("products", "log nopk", "we`ird");

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlSyncerIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer syncer(String database) {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database)).target(TestServers.endpoint(newDb, database))
                .lockSourceForFinal(false).build();
    }

    private SyncResult run(MySqlSyncer syncer, SyncMode mode, Direction direction) {
        return syncer.sync(TestContext.sync(oldServer, newServer, mode, direction));
    }

    @Test
    void fullCopyIsExactThenDeltaRecopiesOnlyTheChangedTable() throws Exception {
        createShop(oldDb, "shop");

        SyncResult full = run(syncer("shop"), SyncMode.FULL, Direction.FORWARD);

        assertSameData("shop");
        assertEquals(300 + 3000 + 2, full.moved().rows());
        assertEquals(3, Details.copy(full).tables().copied().size());
        assertTrue(full.cursor().matches(".+:\\d+"), "binlog position as cursor: " + full.cursor());
        assertEquals(full.cursor(), Details.copy(full).cursorAfter().toString());

        try (Connection c = oldDb.connect("shop"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO products (name, price, note, img) VALUES ('new \uD83C\uDF89', 1.0001, '', x'00ff')");
            s.executeUpdate("UPDATE products SET price = price + 0.0001, note = NULL WHERE id = 7");
            s.executeUpdate("DELETE FROM products WHERE id = 9");
        }

        SyncResult delta = run(syncer("shop"), SyncMode.DELTA, Direction.FORWARD);

        assertSameData("shop");
        assertEquals(List.of("products"), Details.checksum(delta).tables().copied());
        assertEquals(300, delta.moved().rows());
        assertEquals(1, delta.deleted(), "the row the source deleted (id 9) is the one deleted on the target");

        SyncResult unchanged = run(syncer("shop"), SyncMode.DELTA, Direction.FORWARD);

        assertEquals(List.of(), Details.checksum(unchanged).tables().copied());
        assertEquals(0, unchanged.moved().rows());
    }

    @Test
    void reverseCopiesTargetChangesBackToTheSource() throws Exception {
        createShop(oldDb, "rollback");
        run(syncer("rollback"), SyncMode.FULL, Direction.FORWARD);
        try (Connection c = newDb.connect("rollback"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO `log nopk` (msg, n) VALUES ('order after cutover \u00e9', 99999)");
        }

        SyncResult back = run(syncer("rollback"), SyncMode.DELTA, Direction.REVERSE);

        assertEquals(List.of("log nopk"), Details.checksum(back).tables().copied());
        assertSameData("rollback");
        try (Connection c = oldDb.connect("rollback"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `log nopk` WHERE n = 99999")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void preflightReadsBothServersAndTheirGrants() throws Exception {
        oldDb.createDatabase("pre");

        List<CheckResult> checks = syncer("pre").preflight(TestContext.forward(oldServer, newServer, SyncMode.FULL));

        assertTrue(checks.stream().allMatch(CheckResult::passed), checks.toString());
        assertTrue(checks.stream().anyMatch(c -> c.check().equals("sql_mode")), checks.toString());
        assertTrue(checks.stream().noneMatch(c -> c.detail().contains(oldDb.password())), "no password in checks");
    }

    private void createShop(MariaDb db, String database) throws SQLException {
        db.createDatabase(database);
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) CHARACTER SET"
                    + " utf8mb4 NOT NULL, price DECIMAL(14,4), note TEXT NULL, img BLOB, created DATETIME(3),"
                    + " flags BIT(3)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            s.execute("CREATE TABLE `log nopk` (msg VARCHAR(100), n INT) ENGINE=InnoDB");
            s.execute("CREATE TABLE `we``ird` (k VARCHAR(10) PRIMARY KEY, v VARCHAR(10)) ENGINE=InnoDB");
            s.execute("INSERT INTO `we``ird` VALUES ('a', NULL), ('b', '')");
            Random random = new Random(3);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (name, price, note, img, created, flags)"
                    + " VALUES (?, ?, ?, ?, ?, b'101')")) {
                for (int i = 0; i < 300; i++) {
                    ps.setString(1, "Rocket \uD83D\uDE80 n\u00b0" + i);
                    ps.setBigDecimal(2, new BigDecimal("12345678.1234").add(BigDecimal.valueOf(i, 4)));
                    ps.setString(3, i % 3 == 0 ? null : i % 3 == 1 ? "" : "note " + i);
                    byte[] img = new byte[i % 50];
                    random.nextBytes(img);
                    ps.setBytes(4, i % 7 == 0 ? null : img);
                    ps.setString(5, "2024-02-29 12:34:56." + String.format("%03d", i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `log nopk` (msg, n) VALUES (?, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    ps.setString(1, i % 10 == 0 ? null : "event " + (i % 17));
                    ps.setInt(2, i % 100);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private void assertSameData(String database) throws Exception {
        try (Connection left = oldDb.connect(database); Connection right = newDb.connect(database)) {
            for (String table : TABLES) {
                String expected = DatabaseDigest.rows(left, table);
                assertEquals(expected, DatabaseDigest.rows(right, table), "rows of " + table);
                String checksum = DatabaseDigest.checksum(left, table);
                assertNotNull(checksum);
                assertEquals(checksum, DatabaseDigest.checksum(right, table), "CHECKSUM TABLE of " + table);
            }
        }
    }
}
