package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The target's connection killed while a FULL copy recreates the tables is a lost connection, and a rerun ends identical. */
@FaultTest
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlLostConnectionPrepareIT {
    private static final String DATABASE = "lprepare";
    private static final int TABLES = 300;

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlLostConnectionPrepareIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    @Test
    void theTargetConnectionKilledWhileTablesAreRecreatedIsATransientLostConnectionAndARerunEndsIdentical()
            throws Exception {
        oldDb.createDatabase(DATABASE);
        try (Connection c = oldDb.connect(DATABASE); Statement s = c.createStatement()) {
            for (int i = 0; i < TABLES; i++) {
                s.execute("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v VARCHAR(40), KEY by_v (v))");
            }
        }
        MySqlSyncer syncer = MySqlSyncer.builder().source(TestServers.endpoint(oldDb, DATABASE))
                .target(TestServers.endpoint(newDb, DATABASE)).workers(1).lockSourceForFinal(false).build();
        AtomicBoolean copying = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirst(killed, copying));
        MigrationException lost;
        long t0 = System.nanoTime();
        try {
            lost = assertThrows(MigrationException.class,
                    () -> syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD)));
        } finally {
            copying.set(false);
            killer.get(30, TimeUnit.SECONDS);
        }
        long failedMs = (System.nanoTime() - t0) / 1_000_000;

        String m = lost.getMessage();
        assertTrue(killed.get(), "a CREATE TABLE or DROP TABLE on the target was killed");
        assertTrue(lost.isTransient(), m);
        assertTrue(m.startsWith("the connection to the target database " + TestServers.endpoint(newDb, DATABASE).where()
                + " was lost while preparing table `t"), m);
        assertFalse(m.contains("\n") || m.contains("\tat ") || m.contains("NullPointerException"), m);

        syncer.sync(TestContext.forward(oldServer, newServer, SyncMode.FULL));
        try (Connection left = oldDb.connect(DATABASE); Connection right = newDb.connect(DATABASE)) {
            DatabaseDigest.assertSame(left, right, DATABASE);
        }
        System.out.printf("FAULT %s FULL prepare: failed %d ms after the start: %s%n", DATABASE, failedMs, m);
    }

    private void killFirst(AtomicBoolean killed, AtomicBoolean copying) {
        try (Connection c = newDb.connect(""); Statement s = c.createStatement()) {
            while (copying.get() && !killed.get()) {
                long id = -1;
                try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '"
                        + DATABASE + "' AND (INFO LIKE 'CREATE TABLE%' OR INFO LIKE 'DROP TABLE%')"
                        + " AND ID <> CONNECTION_ID()")) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
                if (id > 0) {
                    s.execute("KILL " + id);
                    killed.set(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the killer failed", e);
        }
    }
}
