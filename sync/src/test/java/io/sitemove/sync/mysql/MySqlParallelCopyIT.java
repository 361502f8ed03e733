package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import io.sitemove.remote.db.DbEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.sitemove.MigrationException;
import io.sitemove.Secret;
import io.sitemove.Server;
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
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlParallelCopyIT {
    private static final int ACCOUNTS = 20_000;
    private static final long BALANCE = 1000;

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlParallelCopyIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private SyncResult full(MySqlSyncer syncer) {
        return syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
    }

    @Test
    void workersCopyOneSnapshotWhileMoneyMovesBetweenTwoTables() throws Exception {
        oldDb.createDatabase("bank");
        try (Connection c = oldDb.connect("bank"); Statement s = c.createStatement()) {
            for (String t : new String[] {"acct_a", "acct_b"}) {
                s.execute("CREATE TABLE " + t + " (id INT AUTO_INCREMENT PRIMARY KEY, owner VARCHAR(40) NOT NULL,"
                        + " balance BIGINT NOT NULL, KEY by_owner (owner)) ENGINE=InnoDB");
                s.execute("INSERT INTO " + t + " (owner, balance) SELECT CONCAT('owner ', seq), " + BALANCE
                        + " FROM seq_1_to_" + ACCOUNTS);
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong moves = new AtomicLong();
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> moveMoney(stop, moves, writerFailure), "money-mover");
        writer.start();
        SyncResult copy;
        long movesBefore;
        try {
            waitFor(() -> moves.get() > 50);
            movesBefore = moves.get();
            copy = full(MySqlSyncer.builder().source(TestServers.endpoint(oldDb, "bank")).target(TestServers.endpoint(newDb, "bank"))
                    .workers(4).chunkRows(500).deltaMethod(DeltaMethod.BINLOG).lockSourceForFinal(false).build());
            assertTrue(moves.get() > movesBefore, "money moved during the copy");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, writerFailure.get());

        try (Connection c = newDb.connect("bank")) {
            assertEquals(2 * ACCOUNTS * BALANCE, sum(c, "acct_a") + sum(c, "acct_b"),
                    "the target holds one moment of the source: " + copy.details());
        }
        CopyFigures figures = Details.copy(copy).copy();
        assertEquals(4, figures.workers());
        assertTrue(figures.snapshot().contains("FLUSH TABLES WITH READ LOCK"), figures.toString());
        assertTrue(figures.snapshotLockMillis() >= 0, figures.toString());
        assertTrue(figures.chunks() >= 80, figures.toString());
        assertEquals(2, figures.indexesBuiltAfterLoad());
        assertEquals(copy.cursor(), Details.copy(copy).cursorAfter().toString());

        MySqlSyncer syncer = MySqlSyncer.builder().source(TestServers.endpoint(oldDb, "bank")).target(TestServers.endpoint(newDb, "bank"))
                .deltaMethod(DeltaMethod.BINLOG).lockSourceForFinal(false).build();
        syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.FORWARD, copy.cursor()));
        try (Connection left = oldDb.connect("bank"); Connection right = newDb.connect("bank")) {
            DatabaseDigest.assertSame(left, right, "bank");
            for (String t : new String[] {"acct_a", "acct_b"}) {
                assertEquals(createTable(left, t), createTable(right, t), "definition of " + t);
            }
        }
    }

    @Test
    void everyValueArrivesExactlyByLoadDataAndByInsertInKeysetPages() throws Exception {
        oldDb.createDatabase("kinds");
        try (Connection c = oldDb.connect("kinds"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pairs (region VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,"
                    + " n INT, body MEDIUMTEXT, raw VARBINARY(64), price DECIMAL(20,6), at DATETIME(6),"
                    + " zero DATE, flags BIT(5), f FLOAT, kind ENUM('a','b'), doubled INT AS (n * 2) STORED,"
                    + " PRIMARY KEY (region, n), UNIQUE KEY by_n (n, region), KEY by_price (price))"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            s.execute("CREATE TABLE nokey (v TEXT, w INT) ENGINE=InnoDB");
            s.execute("SET SESSION sql_mode = ''");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pairs (region, n, body, raw, price, at, zero,"
                    + " flags, f, kind) VALUES (?, ?, ?, ?, ?, ?, ?, b'10101', ?, ?)")) {
                Random random = new Random(7);
                String[] regions = {"Nord", "nord\u00e9", "S\u00fcd \uD83D\uDE80", "tab\there", "back\\slash"};
                String[] bodies = {"", null, "\\N", "line\nbreak\r\n", "tab\tand\\back", "nul\0byte",
                        "emoji \uD83C\uDF89\uD83D\uDC4D", "NULL", "'quoted' \"double\""};
                for (int i = 0; i < 1500; i++) {
                    ps.setString(1, regions[i % regions.length]);
                    ps.setInt(2, i);
                    ps.setString(3, bodies[i % bodies.length]);
                    byte[] raw = new byte[i % 40];
                    random.nextBytes(raw);
                    ps.setBytes(4, i % 11 == 0 ? null : raw);
                    ps.setString(5, (i - 750) + ".123456");
                    ps.setString(6, "2024-02-29 23:59:59." + String.format("%06d", i));
                    ps.setString(7, i % 2 == 0 ? "0000-00-00" : "2000-01-01");
                    ps.setFloat(8, i / 3.0f);
                    ps.setString(9, i % 3 == 0 ? "a" : "b");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            s.execute("INSERT INTO nokey VALUES ('same', 1), ('same', 1), (NULL, NULL), ('', 0)");
        }

        for (BulkLoad load : BulkLoad.values()) {
            String target = "kinds_" + load.name().toLowerCase(java.util.Locale.ROOT);
            SyncResult copy = full(MySqlSyncer.builder().source(TestServers.endpoint(oldDb, "kinds"))
                    .target(TestServers.endpoint(newDb, target)).workers(2).chunkRows(100).bulkLoad(load).lockSourceForFinal(false)
                    .build());

            CopyFigures figures = Details.copy(copy).copy();
            assertEquals(load, figures.bulkLoad());
            assertFalse(figures.localInfileOff(), figures.toString());
            assertEquals(List.of("nokey"), figures.tablesWithoutPrimaryKey(), figures.toString());
            assertEquals(1504, copy.moved().rows());
            try (Connection left = oldDb.connect("kinds"); Connection right = newDb.connect(target)) {
                for (String t : new String[] {"pairs", "nokey"}) {
                    assertEquals(DatabaseDigest.rows(left, t), DatabaseDigest.rows(right, t), load + ": rows of " + t);
                    assertEquals(DatabaseDigest.checksum(left, t), DatabaseDigest.checksum(right, t), load + ": " + t);
                    assertEquals(createTable(left, t), createTable(right, t), load + ": definition of " + t);
                }
            }
        }
    }

    @Test
    void aRowOverTheTargetsPacketLimitIsRefusedByInsertAndStreamedByLoadData() throws Exception {
        oldDb.createDatabase("big");
        try (Connection c = oldDb.connect("big"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE attachments (id INT PRIMARY KEY, data LONGBLOB) ENGINE=InnoDB");
            s.execute("INSERT INTO attachments VALUES (1, REPEAT('a', 100)), (2, RANDOM_BYTES(1024) ),"
                    + " (3, REPEAT(x'5c0a09', 1000000))");
        }
        String saved;
        try (Connection c = newDb.connect(""); Statement s = c.createStatement()) {
            saved = DatabaseDigest.single(c, "SELECT @@GLOBAL.max_allowed_packet");
            s.execute("SET GLOBAL max_allowed_packet = 1048576");
        }
        try {
            MigrationException refused = assertThrows(MigrationException.class, () -> full(MySqlSyncer.builder()
                    .source(TestServers.endpoint(oldDb, "big")).target(TestServers.endpoint(newDb, "big_insert")).bulkLoad(BulkLoad.INSERT)
                    .lockSourceForFinal(false).build()));
            assertTrue(refused.getMessage().contains("`attachments` (id = 3)"), refused.getMessage());
            assertTrue(refused.getMessage().contains("max_allowed_packet = 1048576"), refused.getMessage());

            SyncResult streamed = full(MySqlSyncer.builder().source(TestServers.endpoint(oldDb, "big"))
                    .target(TestServers.endpoint(newDb, "big_load")).lockSourceForFinal(false).build());

            assertTrue(Details.copy(streamed).copy().largestRowBytes() >= 3_000_000, streamed.details().toString());
            try (Connection left = oldDb.connect("big"); Connection right = newDb.connect("big_load")) {
                String hashes = "SELECT GROUP_CONCAT(id, ':', LENGTH(data), ':', SHA2(data, 256) ORDER BY id) FROM attachments";
                assertEquals(DatabaseDigest.single(left, hashes), DatabaseDigest.single(right, hashes));
                assertEquals(DatabaseDigest.checksum(left, "attachments"), DatabaseDigest.checksum(right, "attachments"));
            }
        } finally {
            try (Connection c = newDb.connect(""); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL max_allowed_packet = " + saved);
            }
        }
    }

    @Test
    void withoutReloadPrivilegeOneSnapshotCopiesSerially() throws Exception {
        oldDb.createDatabase("noreload");
        try (Connection c = oldDb.connect("noreload"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM seq_1_to_3000");
            s.execute("CREATE USER IF NOT EXISTS 'reader'@'%' IDENTIFIED BY 'reader-pw-1'");
            s.execute("GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, EXECUTE ON `noreload`.* TO 'reader'@'%'");
        }
        DbEndpoint reader = new DbEndpoint(oldDb.host(), oldDb.port(), "noreload", "reader", Secret.of("reader-pw-1"));

        SyncResult copy = full(MySqlSyncer.builder().source(reader).target(TestServers.endpoint(newDb, "noreload")).workers(3)
                .chunkRows(500).lockSourceForFinal(false).build());

        CopyFigures figures = Details.copy(copy).copy();
        assertEquals(1, figures.workers());
        assertTrue(figures.snapshot().contains("FLUSH TABLES WITH READ LOCK was refused"), figures.toString());
        assertTrue(copy.cursor().matches(".+:\\d+"), "binlog position from the snapshot: " + copy.cursor());
        try (Connection left = oldDb.connect("noreload"); Connection right = newDb.connect("noreload")) {
            DatabaseDigest.assertSame(left, right, "noreload");
        }
    }

    private void moveMoney(AtomicBoolean stop, AtomicLong moves, AtomicReference<Exception> failure) {
        Random random = new Random(11);
        try (Connection c = oldDb.connect("bank")) {
            c.setAutoCommit(false);
            try (PreparedStatement take = c.prepareStatement("UPDATE acct_a SET balance = balance - ? WHERE id = ?");
                 PreparedStatement give = c.prepareStatement("UPDATE acct_b SET balance = balance + ? WHERE id = ?");
                 PreparedStatement open = c.prepareStatement("INSERT INTO acct_b (owner, balance) VALUES ('new', 0)")) {
                while (!stop.get()) {
                    long amount = random.nextInt(200) - 100;
                    take.setLong(1, amount);
                    take.setInt(2, 1 + random.nextInt(ACCOUNTS));
                    take.executeUpdate();
                    give.setLong(1, amount);
                    give.setInt(2, 1 + random.nextInt(ACCOUNTS));
                    give.executeUpdate();
                    if (random.nextInt(10) == 0) {
                        open.executeUpdate();
                    }
                    c.commit();
                    moves.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            failure.set(e);
        }
    }

    private static long sum(Connection c, String table) throws SQLException {
        return Long.parseLong(DatabaseDigest.single(c, "SELECT SUM(balance) FROM " + table));
    }

    private static String createTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + table)) {
            rs.next();
            return rs.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", "");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
