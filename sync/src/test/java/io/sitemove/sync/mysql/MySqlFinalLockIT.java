package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        assertTrue(last.details().get("sourceLock").startsWith("revoked INSERT,UPDATE,DELETE,CREATE,DROP,ALTER ON"
                + " `shopfinal`.* FROM 'wp'@'%'"), last.details().toString());
        assertEquals("binlog", last.details().get("strategy"));
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

        assertTrue(rollback.details().get("sourceUnlocked").contains("TO 'wp'@'%'"), rollback.details().toString());
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
        assertTrue(last.details().get("sourceLock").startsWith("revoked INSERT,UPDATE ON `shopnarrow`.*"),
                last.details().toString());

        SyncResult rollback = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE, ""));

        assertEquals("GRANT INSERT, UPDATE ON `shopnarrow`.* TO 'narrow'@'%'", rollback.details().get("sourceUnlocked"));
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
    void withoutAnApplicationUserTheFinalSyncSaysTheSourceWasNotLocked() throws Exception {
        oldDb.createDatabase("nolock");
        try (Connection c = oldDb.connect("nolock"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        MySqlSyncer syncer = syncer("nolock").build();
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        SyncResult last = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.FINAL, Direction.FORWARD,
                full.cursor()));

        assertTrue(last.details().get("sourceLock").startsWith("not locked: no applicationUser"),
                last.details().toString());
    }
}
