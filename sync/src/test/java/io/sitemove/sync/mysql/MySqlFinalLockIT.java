package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlFinalLockIT {
    private static final String APP_PASSWORD = "wp-secret-7";

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlFinalLockIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer.Builder syncer(String database) {
        return MySqlSyncer.builder()
                .source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database));
    }

    private Connection asApp(String database) throws SQLException {
        return DriverManager.getConnection(oldDb.jdbcUrl(database), "wp", APP_PASSWORD);
    }

    /**
     * Creates the database with one table, and the site's account {@code user@%} holding
     * {@code privileges} on it; returns the syncer that locks that account out for the final sync.
     */
    private MySqlSyncer siteDatabase(String database, String user, String privileges, String createTable)
            throws SQLException {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
            s.execute("GRANT " + privileges + " ON " + database + ".* TO '" + user + "'@'%'");
            s.execute(createTable);
        }
        return syncer(database).applicationUser(user + "@%").build();
    }

    @Test
    void finalSyncLocksTheSiteAccountOutAfterItsLastWriteAndRollbackLetsItBackIn() throws Exception {
        MySqlSyncer syncer = siteDatabase("shopfinal", "wp", "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER",
                "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(40))");
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
        Connection openBeforeLock = asApp("shopfinal");
        try (Statement s = openBeforeLock.createStatement()) {
            for (int i = 0; i < 25; i++) {
                s.executeUpdate("INSERT INTO orders (item) VALUES ('order " + i + " \u00e9')");
            }
            s.executeUpdate("UPDATE orders SET item = 'paid' WHERE id = 3");
            s.executeUpdate("DELETE FROM orders WHERE id = 4");
        }

        SyncResult last = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.FINAL, Direction.FORWARD,
                full.cursor()));

        SourceLock lock = Details.binlog(last).sourceLock();
        assertEquals(SourceLock.Action.REVOKED, lock.action(), last.details().toString());
        assertEquals(List.of("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER"), lock.privileges(), "revoked INSERT,UPDATE,DELETE,CREATE,DROP,ALTER");
        assertEquals("shopfinal", lock.database());
        assertEquals("'wp'@'%'", lock.account());
        try (Connection app = asApp("shopfinal"); Statement s = app.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO orders (item) VALUES ('too late')"));
            assertEquals(1142, refused.getErrorCode(), refused.getMessage());
        }
        assertThrows(SQLException.class, () -> {
            try (Statement s = openBeforeLock.createStatement()) {
                s.executeUpdate("INSERT INTO orders (item) VALUES ('too late, old session')");
            }
        });
        openBeforeLock.close();
        try (Connection left = oldDb.connect("shopfinal"); Connection right = newDb.connect("shopfinal")) {
            DatabaseDigest.assertSame(left, right, "shopfinal");
            assertTrue(DatabaseDigest.rows(right, "orders").startsWith("24:"), "25 orders written, one deleted");
        }

        SyncResult rollback = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE, ""));

        SourceLock unlocked = lockOf(rollback);
        assertEquals(SourceLock.Action.GRANTED, unlocked.action(), rollback.details().toString());
        assertEquals("'wp'@'%'", unlocked.account());
        try (Connection app = asApp("shopfinal"); Statement s = app.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO orders (item) VALUES ('after rollback')"));
        }
    }

    @Test
    void rollbackGrantsBackOnlyWhatTheFinalSyncRevoked() throws Exception {
        MySqlSyncer syncer = siteDatabase("shopnarrow", "narrow", "SELECT, INSERT, UPDATE",
                "CREATE TABLE visits (id INT AUTO_INCREMENT PRIMARY KEY, page VARCHAR(40))");
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
        SyncResult last = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.FINAL, Direction.FORWARD,
                full.cursor()));
        SourceLock lock = lockOf(last);
        assertEquals(SourceLock.Action.REVOKED, lock.action(), last.details().toString());
        assertEquals(List.of("INSERT", "UPDATE"), lock.privileges(), last.details().toString());
        assertEquals("shopnarrow", lock.database());

        SyncResult rollback = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE, ""));

        SourceLock unlocked = lockOf(rollback);
        assertEquals(new SourceLock(SourceLock.Action.GRANTED, "'narrow'@'%'", "shopnarrow", List.of("INSERT", "UPDATE"),
                0, ""), unlocked, "GRANT INSERT, UPDATE ON `shopnarrow`.* TO 'narrow'@'%'");
        String grants;
        try (Connection c = oldDb.connect("shopnarrow"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GRANTS FOR 'narrow'@'%'")) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
            grants = all.toString();
        }
        assertTrue(grants.contains("GRANT SELECT, INSERT, UPDATE ON `shopnarrow`.* TO `narrow`@`%`"), grants);
        assertFalse(grants.contains("DELETE") || grants.contains("DROP") || grants.contains("ALTER")
                || grants.contains("CREATE"), grants);
    }

    @Test
    void withTheLockTurnedOffTheFinalSyncSaysTheSourceWasNotLocked() throws Exception {
        oldDb.createDatabase("nolock");
        try (Connection c = oldDb.connect("nolock"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        MySqlSyncer syncer = syncer("nolock").lockSourceForFinal(false).build();
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        SyncResult last = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.FINAL, Direction.FORWARD,
                full.cursor()));

        SourceLock lock = lockOf(last);
        assertEquals(SourceLock.Action.NOT_LOCKED, lock.action(), last.details().toString());
        assertTrue(lock.note().startsWith("lockSourceForFinal is off"), lock.note());
    }

    private static SourceLock lockOf(SyncResult result) {
        return assertInstanceOf(MySqlSyncDetails.class, result.details()).sourceLock();
    }
}
