package io.sitemove.sync.mysql;

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
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A binlog delta (DELTA, and FINAL with the source locked) whose target apply connection or source binlog
 * stream is killed after a few committed batches fails as a transient lost connection naming the connection
 * and where it resumes; the rerun from the last checkpoint applies only the rest, and both databases end
 * identical, the table without a primary key included (a batch applied twice would double its rows).
 */
@FaultTest
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlLostConnectionDeltaIT {
    private static final int ROUNDS = 60;
    private static final int ROWS_PER_STATEMENT = 500;
    private static final int KILL_AT_CHECKPOINT = 5;
    /** From this round on a third table changes too: its first change needs the source's metadata read. */
    private static final int LATE_ROUNDS = 50;
    /**
     * Padding of each row changed in the source-kill tests: some 60 MB of binary log, more than the sockets
     * between the servers buffer, so that the source's dump thread is still sending when it is killed.
     */
    private static final int WIDE = 1000;

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlLostConnectionDeltaIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    @Test
    void theTargetApplyConnectionKilledDuringADeltaResumesFromItsLastCheckpointWithNothingAppliedTwice()
            throws Exception {
        killedAndRerun("ldtarget", SyncMode.DELTA, 0, this::killTargetSessions, "the target apply connection to "
                + TestServers.endpoint(newDb, "ldtarget").where() + " was lost at ");
    }

    @Test
    void theSourceBinlogStreamKilledDuringADeltaResumesFromItsLastCheckpointWithNothingAppliedTwice()
            throws Exception {
        killedAndRerun("ldsource", SyncMode.DELTA, WIDE, this::killBinlogDumps, "the source binlog stream connection to "
                + TestServers.endpoint(oldDb, "ldsource").where() + " was lost at ");
    }

    @Test
    void theSourceMetadataReadConnectionKilledDuringADeltaResumesFromItsLastCheckpointWithNothingAppliedTwice()
            throws Exception {
        killedAndRerun("ldmeta", SyncMode.DELTA, 0, this::killSourceSessions, "the source metadata read connection to "
                + TestServers.endpoint(oldDb, "ldmeta").where() + " was lost at ");
    }

    @Test
    void theTargetApplyConnectionKilledDuringAFinalSyncLeavesTheSourceLockedAndSaysSoAndTheRerunCompletes()
            throws Exception {
        MigrationException lost = killedAndRerun("lftarget", SyncMode.FINAL, 0, this::killTargetSessions,
                "the target apply connection to " + TestServers.endpoint(newDb, "lftarget").where() + " was lost at ");

        assertTrue(lost.getMessage().contains("the source " + TestServers.endpoint(oldDb, "lftarget").where()
                + " stays read-only for 'lfsite'@'%'"), lost.getMessage());
        String grants = grantsOfTheSite();
        assertTrue(grants.contains("GRANT SELECT ON `lftarget`.*") && !grants.contains("INSERT ON `lftarget`"), grants);
    }

    @Test
    void theTargetConnectionKilledDuringAChecksumDeltaIsATransientLostConnectionAndTheRerunEndsIdentical()
            throws Exception {
        String database = "lcsum";
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(200), n BIGINT)");
            s.execute("INSERT INTO big SELECT seq, REPEAT(CONCAT('row ', seq), 12), seq * 7 FROM seq_1_to_400000");
        }
        MySqlSyncer syncer = MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database)).deltaMethod(DeltaMethod.CHECKSUM).workers(1)
                .lockSourceForFinal(false).build();
        syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("UPDATE big SET n = n + 1 WHERE id % 50 = 0");
            s.execute("DELETE FROM big WHERE id % 333 = 0");
            s.execute("INSERT INTO big SELECT 400000 + seq, 'new', seq FROM seq_1_to_3000");
        }

        AtomicBoolean syncing = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirst(newDb,
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = 'lcsum'"
                + " AND INFO LIKE 'SELECT COUNT(*), SHA2(GROUP_CONCAT(%`big`%'"
                        + " AND ID <> CONNECTION_ID()", killed, syncing));
        long t0 = System.nanoTime();
        MigrationException lost;
        try {
            lost = assertThrows(MigrationException.class, () -> syncer.sync(CursorContext.of(oldServer, newServer,
                    SyncMode.DELTA, Direction.FORWARD, null)));
        } finally {
            syncing.set(false);
            killer.get(30, TimeUnit.SECONDS);
        }
        long failedMs = (System.nanoTime() - t0) / 1_000_000;
        String m = lost.getMessage();
        assertTrue(killed.get(), "a key range's hash on the target was killed");
        assertTrue(lost.isTransient(), m);
        assertTrue(m.contains(TestServers.endpoint(newDb, database).where()), m);
        assertFalse(m.contains("\n") || m.contains("\tat ") || m.contains("NullPointerException")
                || m.contains("Expected to read"), m);

        long t1 = System.nanoTime();
        syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.FORWARD, null));
        long rerunMs = (System.nanoTime() - t1) / 1_000_000;
        try (Connection left = oldDb.connect(database); Connection right = newDb.connect(database)) {
            DatabaseDigest.assertSame(left, right, database);
        }
        System.out.printf("FAULT %s CHECKSUM DELTA: failed %d ms after the start, rerun %d ms: %s%n", database,
                failedMs, rerunMs, m);
    }

    /** Polls the server's process list until {@code query} finds a connection, and kills it. */
    private static void killFirst(MariaDb server, String query, AtomicBoolean killed, AtomicBoolean syncing) {
        try (Connection c = server.connect(""); Statement s = c.createStatement()) {
            while (syncing.get() && !killed.get()) {
                long id = -1;
                try (ResultSet rs = s.executeQuery(query)) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
                if (id > 0) {
                    s.execute("KILL " + id);
                    killed.set(true);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the killer failed", e);
        }
    }

    private String grantsOfTheSite() throws Exception {
        StringBuilder grants = new StringBuilder();
        try (Connection c = oldDb.connect(""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GRANTS FOR 'lfsite'@'%'")) {
            while (rs.next()) {
                grants.append(rs.getString(1)).append('\n');
            }
        }
        return grants.toString();
    }

    @Test
    void theSourceBinlogStreamKilledDuringAFinalSyncLeavesTheSourceLockedAndTheRerunCompletes() throws Exception {
        MigrationException lost = killedAndRerun("lfsource", SyncMode.FINAL, WIDE, this::killBinlogDumps,
                "the source binlog stream connection to " + TestServers.endpoint(oldDb, "lfsource").where()
                        + " was lost at ");

        assertTrue(lost.getMessage().contains("stays read-only for 'lfsite'@'%'"), lost.getMessage());
    }

    /**
     * A FULL copy, a delta's worth of changes, the delta killed at a checkpoint, then a rerun of the same mode
     * from the last checkpoint; checks the failure, the rerun's start and size, and both databases.
     */
    private MigrationException killedAndRerun(String database, SyncMode mode, int width, Runnable kill,
            String lostWords)
            throws Exception {
        boolean finalSync = mode == SyncMode.FINAL;
        givenTables(database, finalSync);
        MySqlSyncer syncer = syncer(database, finalSync);
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
        long changed = change(database, width);

        CursorContext first = CursorContext.of(oldServer, newServer, mode, Direction.FORWARD, full.cursor());
        first.onCheckpoint(n -> {
            if (n == KILL_AT_CHECKPOINT) {
                kill.run();
            }
        });
        long t0 = System.nanoTime();
        MigrationException lost = assertThrows(MigrationException.class, () -> syncer.sync(first));
        long failedMs = (System.nanoTime() - t0) / 1_000_000;

        List<String> checkpoints = first.checkpoints();
        String m = lost.getMessage();
        assertTrue(checkpoints.size() >= KILL_AT_CHECKPOINT, "checkpoints " + checkpoints + ": " + m);
        assertTrue(lost.isTransient(), m);
        assertTrue(m.startsWith("binlog delta ("), m);
        assertTrue(m.contains(lostWords), m);
        String resume = checkpoints.get(checkpoints.size() - 1);
        assertTrue(m.contains("it will resume from " + resume + ", the end of its last committed batch"), m);
        assertFalse(m.contains("\n") || m.contains("\tat ") || m.contains("Exception") || m.contains("deserializ")
                || m.contains("Expected to read") || m.contains("statement closed"), m);
        assertTrue(lost.getCause() != null, "the failure is attached");
        try (Connection right = newDb.connect(database)) {
            assertEquals("1", DatabaseDigest.single(right, "SELECT COUNT(*) FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = '" + database + "'"), "the target's trigger is back after the failure");
        }

        CursorContext rerun = CursorContext.of(oldServer, newServer, mode, Direction.FORWARD, resume);
        long t1 = System.nanoTime();
        SyncResult done = syncer.sync(rerun);
        long rerunMs = (System.nanoTime() - t1) / 1_000_000;

        MySqlBinlogDeltaDetails d = Details.binlog(done);
        assertEquals(resume, d.cursorBefore().toString(), "the rerun starts from the last checkpoint");
        long applied = d.rowsWritten() + d.rowsUpdated() + d.rowsDeleted();
        assertTrue(applied > 0 && applied < changed, "the rerun applied " + applied + " of the " + changed
                + " row changes: only those after the checkpoint");
        try (Connection left = oldDb.connect(database); Connection right = newDb.connect(database)) {
            DatabaseDigest.assertSame(left, right, database);
            assertEquals(String.valueOf(ROUNDS * ROWS_PER_STATEMENT + 100),
                    DatabaseDigest.single(right, "SELECT COUNT(*) FROM nokey"));
        }
        System.out.printf("FAULT %s %s: failed %d ms after the start, %d checkpoints, rerun %d ms applied %d of %d: %s%n",
                database, mode, failedMs, checkpoints.size(), rerunMs, applied, changed, m);
        return lost;
    }

    private MySqlSyncer syncer(String database, boolean lockSource) {
        MySqlSyncer.Builder b = MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database)).deltaMethod(DeltaMethod.BINLOG);
        return lockSource ? b.lockSourceForFinal(true).applicationUser("lfsite@%").build()
                : b.lockSourceForFinal(false).build();
    }

    private void givenTables(String database, boolean withSiteAccount) throws Exception {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keyed (id INT PRIMARY KEY, v VARCHAR(1100), n INT)");
            s.execute("CREATE TABLE nokey (a INT, v VARCHAR(1100))");
            s.execute("INSERT INTO keyed SELECT seq, CONCAT('first ', seq), 0 FROM seq_1_to_100");
            s.execute("INSERT INTO nokey SELECT seq, CONCAT('first ', seq) FROM seq_1_to_100");
            s.execute("CREATE TABLE late (id INT PRIMARY KEY, v VARCHAR(100))");
            s.execute("CREATE TRIGGER keyed_kept BEFORE INSERT ON keyed FOR EACH ROW SET NEW.n = NEW.n");
            if (withSiteAccount) {
                s.execute("CREATE USER IF NOT EXISTS 'lfsite'@'%' IDENTIFIED BY 'site-password-1'");
                s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database + "`.* TO 'lfsite'@'%'");
            }
        }
    }

    /** Changes many batches' worth of rows, one transaction per statement; returns how many row changes. */
    private long change(String database, int width) throws Exception {
        String pad = "REPEAT('x', " + width + ")";
        long changes = 0;
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            for (int round = 0; round < ROUNDS; round++) {
                int base = 1000 + round * ROWS_PER_STATEMENT;
                changes += s.executeUpdate("INSERT INTO nokey SELECT " + base + " + seq, CONCAT('round " + round
                        + " row ', seq, " + pad + ") FROM seq_1_to_" + ROWS_PER_STATEMENT);
                changes += s.executeUpdate("INSERT INTO keyed SELECT " + base + " + seq, CONCAT('round " + round
                        + " row ', seq, " + pad + "), " + round + " FROM seq_1_to_" + ROWS_PER_STATEMENT);
                if (round >= LATE_ROUNDS) {
                    changes += s.executeUpdate("INSERT INTO late VALUES (" + round + ", 'late')");
                }
                if (round % 10 == 9) {
                    changes += s.executeUpdate("UPDATE keyed SET n = n + 1, v = CONCAT(LEFT(v, 1000), ' updated') WHERE id % 7 = 0");
                }
            }
        }
        return changes;
    }

    private void killTargetSessions() {
        kill(newDb, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB LIKE 'l_target'"
                + " AND ID <> CONNECTION_ID()");
    }

    private void killSourceSessions() {
        kill(oldDb, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = 'ldmeta'"
                + " AND COMMAND NOT LIKE 'Binlog Dump%' AND ID <> CONNECTION_ID()");
    }

    private void killBinlogDumps() {
        kill(oldDb, "SELECT ID FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'");
    }

    private static void kill(MariaDb server, String query) {
        try (Connection c = server.connect(""); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("nothing to kill: " + query);
            }
            for (long id : ids) {
                s.execute("KILL " + id);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the kill failed", e);
        }
    }
}
