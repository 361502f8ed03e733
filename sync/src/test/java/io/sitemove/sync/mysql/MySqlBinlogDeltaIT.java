package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlBinlogDeltaIT {
    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlBinlogDeltaIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer.Builder syncer(String database) {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database)).target(TestServers.endpoint(newDb, database))
                .lockSourceForFinal(false);
    }

    private SyncResult full(MySqlSyncer syncer) {
        return syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
    }

    private SyncResult delta(MySqlSyncer syncer, String cursor) {
        return syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.FORWARD, cursor));
    }

    @Test
    void binlogDeltaAppliesExactlyTheChangedRowsWhileWritesContinue() throws Exception {
        createShop("binshop");
        MySqlSyncer syncer = syncer("binshop").deltaMethod(DeltaMethod.BINLOG).build();
        SyncResult initial = full(syncer);
        assertSame("binshop");

        long changes = changeShop("binshop");
        String endBeforeDelta = masterStatus();
        SyncResult delta = delta(syncer, initial.cursor());

        assertSame("binshop");
        MySqlBinlogDeltaDetails d = Details.binlog(delta);
        assertEquals(changes, delta.moved().rows() + delta.deleted(), "rows applied = rows changed: " + delta.details());
        assertEquals(endBeforeDelta, delta.cursor());
        assertEquals(initial.cursor(), d.cursorBefore().toString());
        assertEquals(List.of("log nopk"), d.tablesWithoutPrimaryKey());

        SyncResult idle = delta(syncer, delta.cursor());
        assertEquals(0, idle.moved().rows() + idle.deleted());
        assertEquals(delta.cursor(), idle.cursor());

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> keepWriting("binshop", stop, writes, writerFailure), "shop-writer");
        writer.start();
        SyncResult during;
        try {
            waitForWrites(writes, 20);
            during = delta(syncer, idle.cursor());
            waitForWrites(writes, writes.get() + 20);
        } finally {
            stop.set(true);
            writer.join(30_000);
        }
        assertEquals(null, writerFailure.get());
        SyncResult last = delta(syncer, during.cursor());

        assertSame("binshop");
        assertTrue(during.moved().rows() > 0 && last.moved().rows() > 0, during.details() + " / " + last.details());
    }

    @Test
    void aSchemaChangeStopsTheDeltaUnlessTablesMayBeRecopied() throws Exception {
        oldDb.createDatabase("binddl");
        try (Connection c = oldDb.connect("binddl"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(20))");
            s.execute("CREATE TABLE b (id INT PRIMARY KEY, v VARCHAR(20))");
            s.execute("INSERT INTO a VALUES (1, 'one'), (2, 'two')");
        }
        SyncResult initial = full(syncer("binddl").build());
        try (Connection c = oldDb.connect("binddl"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO a VALUES (3, 'three')");
            s.executeUpdate("INSERT INTO b VALUES (1, 'b one')");
            s.execute("ALTER TABLE a ADD COLUMN w INT NOT NULL DEFAULT 7");
            s.executeUpdate("INSERT INTO a VALUES (4, 'four', 8)");
        }

        MigrationException stopped = assertThrows(MigrationException.class,
                () -> delta(syncer("binddl").build(), initial.cursor()));

        assertTrue(stopped.getMessage().contains("ALTER TABLE a ADD COLUMN w"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains(oldDb.host() + ":" + oldDb.port() + "/binddl"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("run a FULL sync") && stopped.getMessage().contains("recopyTablesOnDdl(true)"),
                stopped.getMessage());
        assertFalse(stopped.isTransient());

        SyncResult recopied = delta(syncer("binddl").recopyTablesOnDdl(true).build(), initial.cursor());

        assertSame("binddl");
        MySqlBinlogDeltaDetails d = Details.binlog(recopied);
        assertEquals(List.of("a"), d.recopied().copied());
        assertTrue(d.schemaChanges().stream().anyMatch(c -> c.contains("ALTER TABLE a")), d.toString());
    }

    @Test
    void aPurgedBinlogIsReportedByName() throws Exception {
        oldDb.createDatabase("binpurge");
        try (Connection c = oldDb.connect("binpurge"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        MySqlSyncer syncer = syncer("binpurge").build();
        SyncResult initial = full(syncer);
        String cursorFile = initial.cursor().substring(0, initial.cursor().lastIndexOf(':'));
        try (Connection c = oldDb.connect("binpurge"); Statement s = c.createStatement()) {
            s.execute("FLUSH BINARY LOGS");
            s.executeUpdate("INSERT INTO t VALUES (1)");
            s.execute("FLUSH BINARY LOGS");
        }
        purgeUpTo(masterStatus().substring(0, masterStatus().lastIndexOf(':')), cursorFile);

        MigrationException purged = assertThrows(MigrationException.class, () -> delta(syncer, initial.cursor()));

        assertTrue(purged.getMessage().contains("binlog " + cursorFile + " was purged"), purged.getMessage());
        assertTrue(purged.getMessage().contains("run a full sync (or the checksum fallback"), purged.getMessage());
    }

    @Test
    void statementFormatFailsPreflightAndBinlogDeltasButAutoFallsBackToChecksums() throws Exception {
        oldDb.createDatabase("binstmt");
        try (Connection c = oldDb.connect("binstmt"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 1)");
        }
        SyncResult initial = full(syncer("binstmt").build());
        try {
            setGlobalBinlogFormat("STATEMENT");
            try (Connection c = oldDb.connect("binstmt"); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE t SET v = 2");
            }

            List<CheckResult> checks = syncer("binstmt").deltaMethod(DeltaMethod.BINLOG).build()
                    .preflight(TestContext.forward(oldServer, newServer, SyncMode.DELTA));
            CheckResult binlog = checks.stream().filter(c -> c.check().startsWith("binary log")).findFirst().orElseThrow();
            assertFalse(binlog.passed(), binlog.toString());
            assertTrue(binlog.detail().contains("binlog_format is STATEMENT")
                    && binlog.detail().contains("set binlog_format=ROW"), binlog.toString());

            MigrationException refused = assertThrows(MigrationException.class,
                    () -> delta(syncer("binstmt").deltaMethod(DeltaMethod.BINLOG).build(), initial.cursor()));
            assertTrue(refused.getMessage().contains("set binlog_format=ROW"), refused.getMessage());

            SyncResult fallback = delta(syncer("binstmt").build(), initial.cursor());
            MySqlChecksumDeltaDetails checked = Details.checksum(fallback);
            assertTrue(checked.binlogUnavailable().contains("binlog_format is STATEMENT"), checked.toString());
            assertSame("binstmt");
        } finally {
            setGlobalBinlogFormat("ROW");
        }
    }

    @Test
    void reverseDeltaFromATargetWithoutBinlogUsesChecksumsOrFailsWhenTheBinlogIsRequired() throws Exception {
        oldDb.createDatabase("binrev");
        try (Connection c = oldDb.connect("binrev"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO t VALUES (1, 1)");
        }
        full(syncer("binrev").build());
        try (Connection c = newDb.connect("binrev"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (2, 2)");
        }

        MigrationException refused = assertThrows(MigrationException.class, () -> syncer("binrev")
                .deltaMethod(DeltaMethod.BINLOG).build()
                .sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE, "mariadb-bin.000001:4")));
        assertTrue(refused.getMessage().contains("log_bin is OFF on " + newDb.host() + ":" + newDb.port()),
                refused.getMessage());

        SyncResult back = syncer("binrev").build()
                .sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE, ""));
        Details.checksum(back);
        assertSame("binrev");
    }

    private void createShop(String database) throws SQLException {
        oldDb.createDatabase(database);
        oldDb.createDatabase(database + "_other");
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,"
                    + " name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL, price DECIMAL(12,4), data BLOB, note TEXT NULL,"
                    + " created DATETIME(6), seen TIMESTAMP(3) NULL DEFAULT NULL, flags BIT(5), big BIGINT UNSIGNED,"
                    + " tiny TINYINT UNSIGNED, kind ENUM('a','b','c'), tags SET('x','y','z'), f FLOAT, d DOUBLE,"
                    + " day DATE, span TIME(2), yr YEAR, doc JSON, latin VARCHAR(20) CHARACTER SET latin1,"
                    + " total DECIMAL(14,4) AS (price * 2) VIRTUAL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            s.execute("CREATE TABLE `order lines` (order_id INT, line SMALLINT, qty INT, PRIMARY KEY (order_id, line))");
            s.execute("CREATE TABLE `log nopk` (msg VARCHAR(100), n INT)");
            s.execute("CREATE TABLE `we``ird` (k VARCHAR(10) PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO `we``ird` VALUES ('a', NULL), ('b', '')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name, price, data, note, created, seen,"
                    + " flags, big, tiny, kind, tags, f, d, day, span, yr, doc, latin)"
                    + " VALUES (?, ?, ?, ?, ?, ?, b'101', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 100; i++) {
                    ps.setString(1, "item \u00e9 " + i);
                    ps.setString(2, i + ".1234");
                    ps.setBytes(3, i % 5 == 0 ? null : new byte[] {(byte) i, 0, (byte) 0xff});
                    ps.setString(4, i % 3 == 0 ? null : i % 3 == 1 ? "" : "note " + i);
                    ps.setString(5, "2024-02-29 12:34:56." + String.format("%06d", i * 7919));
                    ps.setString(6, "2023-10-29 01:30:00." + String.format("%03d", i));
                    ps.setLong(7, 1L << 40 + i % 20);
                    ps.setInt(8, 200 + i % 50);
                    ps.setString(9, "b");
                    ps.setString(10, "x,y");
                    ps.setFloat(11, i / 3.0f);
                    ps.setDouble(12, i / 7.0);
                    ps.setString(13, "2024-01-" + String.format("%02d", 1 + i % 28));
                    ps.setString(14, (i % 2 == 0 ? "-" : "") + "838:59:" + String.format("%02d", i % 60) + ".5");
                    ps.setInt(15, 1990 + i % 30);
                    ps.setString(16, "{\"i\": " + i + "}");
                    ps.setString(17, "caf\u00e9 " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `order lines` VALUES (?, ?, ?)")) {
                for (int i = 0; i < 20; i++) {
                    ps.setInt(1, 1 + i / 5);
                    ps.setInt(2, 1 + i % 5);
                    ps.setInt(3, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `log nopk` VALUES (?, ?)")) {
                for (int i = 0; i < 50; i++) {
                    ps.setString(1, i % 9 == 0 ? null : "event " + i % 7);
                    ps.setInt(2, i % 10);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (Connection c = oldDb.connect(database + "_other"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, v INT)");
        }
    }

    /** Makes row changes of every kind; returns how many rows they changed. */
    private long changeShop(String database) throws SQLException {
        long changed = 0;
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            changed += s.executeUpdate("INSERT INTO items (name, price, data, note, created, seen, flags, big, tiny,"
                    + " kind, tags, f, d, day, span, yr, doc, latin) VALUES ('party \uD83C\uDF89\uD83D\uDE80', -1.5,"
                    + " x'00ff00fe', NULL, '2024-12-31 23:59:59.999999', '2038-01-19 03:14:07.999', b'10101',"
                    + " 18446744073709551615, 255, 'c', 'x,z', 1.1, -2.5e-300, '0000-00-00', '-12:34:56.78', 0,"
                    + " '{\"a\": [1, \"\u00e9\"]}', 'na\u00efve')");
            changed += s.executeUpdate("INSERT INTO items (name, created) VALUES ('plain one', NULL), ('', '1000-01-01')");
            changed += s.executeUpdate("UPDATE items SET price = price + 1, note = 'changed', data = NULL"
                    + " WHERE id IN (5, 6, 7)");
            changed += s.executeUpdate("UPDATE items SET id = 1000, name = 'moved' WHERE id = 10");
            changed += s.executeUpdate("DELETE FROM items WHERE id IN (20, 21)");
            changed += s.executeUpdate("UPDATE `order lines` SET line = line + 100 WHERE order_id = 1");
            changed += s.executeUpdate("DELETE FROM `order lines` WHERE order_id = 2");
            changed += s.executeUpdate("INSERT INTO `log nopk` VALUES ('new', 1), (NULL, 2)");
            changed += s.executeUpdate("UPDATE `log nopk` SET msg = 'upd' WHERE n = 5 LIMIT 1");
            changed += s.executeUpdate("DELETE FROM `log nopk` WHERE n = 6 LIMIT 1");
            changed += s.executeUpdate("UPDATE `we``ird` SET k = 'z' WHERE k = 'a'");
        }
        try (Connection c = oldDb.connect(database + "_other"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO items VALUES (1, 1), (2, 2)");
        }
        return changed;
    }

    private void keepWriting(String database, AtomicBoolean stop, AtomicLong writes, AtomicReference<Throwable> failure) {
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            int i = 0;
            while (!stop.get()) {
                s.executeUpdate("INSERT INTO items (name, price) VALUES ('live " + i + "', " + i + ")");
                s.executeUpdate("UPDATE items SET note = 'touched " + i + "' WHERE id = " + (30 + i % 40));
                s.executeUpdate("INSERT INTO `log nopk` VALUES ('live', " + i + ")");
                if (i % 3 == 0) {
                    s.executeUpdate("DELETE FROM items WHERE name = 'live " + (i - 3) + "'");
                }
                writes.incrementAndGet();
                i++;
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static void waitForWrites(AtomicLong writes, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (writes.get() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer made only " + writes.get() + " writes");
            }
            Thread.sleep(20);
        }
    }

    private String masterStatus() throws SQLException {
        try (Connection c = oldDb.connect(""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return rs.getString(1) + ":" + rs.getLong(2);
        }
    }

    private void purgeUpTo(String current, String gone) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Connection c = oldDb.connect(""); Statement s = c.createStatement()) {
            while (true) {
                s.execute("PURGE BINARY LOGS TO '" + current + "'");
                List<String> files = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                    while (rs.next()) {
                        files.add(rs.getString(1));
                    }
                }
                if (!files.contains(gone)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(gone + " is still kept: " + files);
                }
                Thread.sleep(100);
            }
        }
    }

    private void setGlobalBinlogFormat(String format) throws SQLException {
        try (Connection c = oldDb.connect(""); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL binlog_format = '" + format + "'");
        }
    }

    private void assertSame(String database) throws Exception {
        try (Connection left = oldDb.connect(database); Connection right = newDb.connect(database)) {
            DatabaseDigest.assertSame(left, right, database);
        }
    }
}
