package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checksum delta compares key ranges and replaces only those that differ. */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlChecksumDeltaIT {
    private static final int ROWS = 3000;

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlChecksumDeltaIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer syncer(String database, BulkLoad load) {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database)).target(TestServers.endpoint(newDb, database)).workers(2)
                .chunkRows(100).bulkLoad(load).deltaMethod(DeltaMethod.CHECKSUM).lockSourceForFinal(false).build();
    }

    private SyncResult run(MySqlSyncer syncer, SyncMode mode) {
        return syncer.sync(TestContext.sync(oldServer, newServer, mode, Direction.FORWARD));
    }

    @Test
    void onlyTheRangesThatChangedAreReplacedAndDeletesAreFound() throws Exception {
        createItems("ranges");
        try (Connection c = oldDb.connect("ranges"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pairs (k1 VARCHAR(10), k2 INT, v TEXT, PRIMARY KEY (k1, k2)) ENGINE=InnoDB");
            s.execute("INSERT INTO pairs SELECT CONCAT('k', seq % 7), seq, REPEAT('p', seq % 13) FROM seq_1_to_300");
            s.execute("CREATE TABLE log (msg VARCHAR(40), n INT) ENGINE=InnoDB");
            s.execute("INSERT INTO log VALUES ('start', 1), ('start', 1)");
            s.execute("CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, item INT) ENGINE=InnoDB");
            s.execute("CREATE TRIGGER items_audit AFTER INSERT ON items FOR EACH ROW"
                    + " INSERT INTO audit (item) VALUES (NEW.id)");
        }
        run(syncer("ranges", BulkLoad.LOAD_DATA), SyncMode.FULL);
        assertSame("ranges");

        try (Connection c = oldDb.connect("ranges"); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE items SET price = price + 1 WHERE id IN (500, 501)");
            s.executeUpdate("INSERT INTO items (id, name, note, email, body, price, ratio, img) VALUES"
                    + " (3001, 'beyond', NULL, 'b1@x', 'new', 1.5, 0.25, x'00'),"
                    + " (3002, 'beyond 2', '', 'b2@x', NULL, 2.5, NULL, NULL),"
                    + " (1234, 'middle', 'gap filled', 'm@x', 'mid', 3.5, 1, x'0102')");
            s.executeUpdate("DELETE FROM items WHERE id IN (1, 1700, 3000)");
            swap(c, 700, 2300, "name", "note", "email", "body", "price", "ratio", "img");
            s.executeUpdate("UPDATE items SET note = name, name = NULL WHERE id = 900");
            s.executeUpdate("UPDATE items SET note = NULL WHERE id = 1205");
            s.executeUpdate("INSERT INTO log VALUES ('later', 2)");
        }
        assertSwapped("ranges");

        SyncResult delta = run(syncer("ranges", BulkLoad.LOAD_DATA), SyncMode.DELTA);

        assertSame("ranges");
        MySqlChecksumDeltaDetails d = Details.checksum(delta);
        long compared = d.ranges().rangesCompared();
        long differing = d.ranges().rangesDiffering();
        assertTrue(compared >= 25, "items alone is in about 30 ranges: " + d);
        assertTrue(differing >= 8 && differing <= 11, "the 9 changed places of items lie in 7 to 10 ranges, audit in 1: " + d);
        assertEquals(3, d.ranges().tablesCompared(), "items, pairs and audit: " + d);
        assertEquals(1, d.ranges().tablesRecopiedWhole(), "log has no key and changed: " + d);
        assertEquals(List.of("audit", "items", "log"), d.tables().copied(), d.toString());
        assertEquals(3, d.ranges().rowsDeleted(), "ids 1, 1700 and 3000 are gone: " + d);
        assertEquals(3 + 2, delta.deleted(), "the three gone rows and the two rows of the recopied log: " + d);
        long copied = d.ranges().rowsCopied();
        assertTrue(copied >= differing * 50 && copied <= differing * 150, d.toString());
        assertEquals(copied + 3, delta.moved().rows(), "range rows and the 3 rows of log: " + d);

        SyncResult again = run(syncer("ranges", BulkLoad.LOAD_DATA), SyncMode.DELTA);

        assertEquals(0, Details.checksum(again).ranges().rangesDiffering(), again.details().toString());
        assertEquals(0, again.moved().rows());
        assertEquals(0, again.deleted());
        assertEquals(compared, Details.checksum(again).ranges().rangesCompared());
    }

    @Test
    void rowsOnlyTheTargetHasBeyondBothEndsAreDeletedAndAUniqueValueMayMoveBetweenRanges() throws Exception {
        createItems("extra");
        run(syncer("extra", BulkLoad.INSERT), SyncMode.FULL);
        try (Connection c = newDb.connect("extra"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO items (id, name, email) SELECT seq, 'stray', CONCAT('stray', seq, '@x')"
                    + " FROM seq_5000_to_5010");
            s.executeUpdate("INSERT INTO items (id, name, email) VALUES (-5, 'below', 'below@x')");
            swap(c, 150, 2850, "email");
        }

        SyncResult delta = run(syncer("extra", BulkLoad.INSERT), SyncMode.DELTA);

        assertSame("extra");
        MySqlChecksumDeltaDetails d = Details.checksum(delta);
        assertEquals(4, d.ranges().rangesDiffering(), "the first, the last and the two swapped ranges: " + d);
        assertEquals(12, delta.deleted(), "eleven rows above the source's keys and one below: " + d);
        assertEquals(12, d.ranges().rowsDeleted());
        assertEquals(List.of("items"), d.tables().copied());
        assertTrue(d.ranges().rangesCompared() >= 25, d.toString());
    }

    @Test
    void aTableChangedInNearlyEveryRangeIsRecopiedWholeAfterAFewRangesInsteadOfRangeByRange() throws Exception {
        createItems("spread");
        MySqlSyncer syncer = syncer("spread", BulkLoad.LOAD_DATA);
        run(syncer, SyncMode.FULL);
        try (Connection c = oldDb.connect("spread"); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE items SET price = price + 1 WHERE id % 100 = 7");
            s.executeUpdate("DELETE FROM items WHERE id % 100 = 8");
        }

        SyncResult delta = run(syncer, SyncMode.DELTA);

        assertSame("spread");
        MySqlChecksumDeltaDetails d = Details.checksum(delta);
        assertEquals(List.of("items"), d.ranges().tablesGivenUpToRecopy(), "nearly every range compared differed: " + d);
        assertTrue(d.ranges().rangesCompared() < 10, "a few ranges of 30 were compared: " + d);
        assertTrue(delta.deleted() >= 30, "the rows the target held count as replaced: " + delta.deleted());
    }

    private void createItems(String database) throws SQLException {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40) NULL, note VARCHAR(40) NULL,"
                    + " email VARCHAR(60) NULL, body TEXT NULL, price DECIMAL(10,2) NULL, ratio FLOAT NULL,"
                    + " img BLOB NULL, UNIQUE KEY by_email (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, name, note, email, body, price, ratio,"
                    + " img) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    if (id == 1234) {
                        continue;
                    }
                    ps.setInt(1, id);
                    ps.setString(2, "item \u00e9 " + id);
                    ps.setString(3, id % 10 == 0 ? null : id % 10 == 5 ? "" : "note " + (id % 17));
                    ps.setString(4, "user" + id + "@example.test");
                    ps.setString(5, id % 3 == 0 ? null : "body\t" + id + "\n" + "x".repeat(id % 50));
                    ps.setString(6, (id % 1000) + ".25");
                    ps.setFloat(7, id / 7.0f);
                    ps.setBytes(8, id % 4 == 0 ? null : new byte[] {(byte) id, 0, (byte) (id >> 8)});
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Gives row {@code a} the values of row {@code b} in the columns, and {@code b} those of {@code a}. */
    private static void swap(Connection c, int a, int b, String... columns) throws SQLException {
        String list = String.join(", ", columns);
        Object[][] values = new Object[2][];
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + list + " FROM items WHERE id = ?")) {
                ps.setInt(1, i == 0 ? a : b);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "row " + (i == 0 ? a : b));
                    values[i] = new Object[columns.length];
                    for (int j = 0; j < columns.length; j++) {
                        values[i][j] = rs.getObject(j + 1);
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE items SET email = NULL WHERE id IN (" + a + ", " + b + ")");
        }
        String set = String.join(" = ?, ", columns) + " = ?";
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE items SET " + set + " WHERE id = ?")) {
                for (int j = 0; j < columns.length; j++) {
                    ps.setObject(j + 1, values[1 - i][j]);
                }
                ps.setInt(columns.length + 1, i == 0 ? a : b);
                assertEquals(1, ps.executeUpdate());
            }
        }
    }

    private void assertSwapped(String database) throws Exception {
        try (Connection c = oldDb.connect(database)) {
            assertEquals("user2300@example.test", DatabaseDigest.single(c, "SELECT email FROM items WHERE id = 700"));
            assertEquals("user700@example.test", DatabaseDigest.single(c, "SELECT email FROM items WHERE id = 2300"));
        }
    }

    private void assertSame(String database) throws Exception {
        try (Connection left = oldDb.connect(database); Connection right = newDb.connect(database)) {
            DatabaseDigest.assertSame(left, right, database);
        }
    }
}
