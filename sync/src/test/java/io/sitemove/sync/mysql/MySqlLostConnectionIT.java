package io.sitemove.sync.mysql;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A copy connection killed on the server is reported as a lost connection, transient, and a rerun ends identical. */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
@FaultTest
class MySqlLostConnectionIT {
    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlLostConnectionIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    @Test
    void theTargetConnectionKilledDuringLoadDataIsATransientLostConnectionAndARerunEndsIdentical() throws Exception {
        givenBigTable("lost");
        MySqlSyncer db = syncer("lost");
        AtomicBoolean killed = new AtomicBoolean();
        MigrationException lost = fullCopyFailing(db, newDb, "LOAD DATA%", killed);

        assertTrue(killed.get(), "a LOAD DATA was killed");
        String m = lost.getMessage();
        assertTrue(lost.isTransient(), m);
        assertTrue(m.startsWith("the connection to the target database " + TestServers.endpoint(newDb, "lost").where()
                + " was lost while loading table `big`"), m);
        assertTrue(m.contains("the FULL copy starts over from a new snapshot"), m);
        assertFalse(m.contains("NullPointerException") || m.contains("Cannot invoke") || m.contains("\tat ")
                || m.contains("\n"), m);
        assertTrue(lost.getCause() != null, "the driver's failure is attached");

        db.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        try (Connection left = oldDb.connect("lost"); Connection right = newDb.connect("lost")) {
            assertEquals(DatabaseDigest.rows(left, "big"), DatabaseDigest.rows(right, "big"));
            assertEquals(DatabaseDigest.checksum(left, "big"), DatabaseDigest.checksum(right, "big"));
        }
    }

    @Test
    void theSourceConnectionKilledWhileItsRowsAreReadIsATransientLostConnectionAndARerunEndsIdentical()
            throws Exception {
        givenBigTable("lostsrc");
        MySqlSyncer db = syncer("lostsrc");
        AtomicBoolean killed = new AtomicBoolean();
        MigrationException lost = fullCopyFailing(db, oldDb, "SELECT % FROM `big` WHERE %", killed);

        assertTrue(killed.get(), "a snapshot read was killed");
        String m = lost.getMessage();
        assertTrue(lost.isTransient(), m);
        assertTrue(m.startsWith("the connection to the source database "
                + TestServers.endpoint(oldDb, "lostsrc").where() + " was lost while reading table `big`"), m);
        assertFalse(m.contains("NullPointerException") || m.contains("\tat ") || m.contains("\n"), m);

        db.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        try (Connection left = oldDb.connect("lostsrc"); Connection right = newDb.connect("lostsrc")) {
            assertEquals(DatabaseDigest.rows(left, "big"), DatabaseDigest.rows(right, "big"));
        }
    }

    private MySqlSyncer syncer(String database) {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database)).workers(1).lockSourceForFinal(false).build();
    }

    /** A FULL copy while the first statement of {@code server} matching {@code pattern} is killed; its failure. */
    private MigrationException fullCopyFailing(MySqlSyncer db, MariaDb server, String pattern, AtomicBoolean killed)
            throws Exception {
        AtomicBoolean copying = new AtomicBoolean(true);
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirst(server, pattern, killed, copying));
        try {
            return assertThrows(MigrationException.class,
                    () -> db.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD)));
        } finally {
            copying.set(false);
            killer.get(30, TimeUnit.SECONDS);
        }
    }

    private void givenBigTable(String database) throws Exception {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(200), n BIGINT)");
            s.execute("INSERT INTO big SELECT seq, REPEAT(CONCAT('row ', seq), 12), seq * 7 FROM seq_1_to_400000");
        }
    }

    /** Polls the server's process list until a statement like {@code pattern} runs, and kills its connection. */
    private static void killFirst(MariaDb server, String pattern, AtomicBoolean killed, AtomicBoolean copying) {
        try (Connection c = server.connect(""); Statement s = c.createStatement()) {
            while (copying.get() && !killed.get()) {
                long id = -1;
                try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE INFO LIKE '" + pattern + "' AND ID <> CONNECTION_ID()")) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
                if (id > 0) {
                    s.execute("KILL " + id);
                    killed.set(true);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the killer failed", e);
        }
    }
}
