package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Gate;
import io.sitemove.Migration;
import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.RetryPolicy;
import io.sitemove.Server;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.Progress;
import io.sitemove.event.SyncTimed;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.MaintenanceMode;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the engine: an incremental sync whose target connection is killed after a few committed batches
 * leaves checkpoints in the journal; the next incremental sync starts from the last of them, applies only
 * the rest, and both databases end identical, the table without a primary key included.
 */
@FaultTest
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlDeltaResumeIT {
    private static final String SITE = "ldresume";
    private static final int KILL_AT_PROGRESS = 4;

    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    @TempDir
    Path dir;

    MySqlDeltaResumeIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    @Test
    void aDeltaKilledMidwayIsResumedByTheNextIncrementalSyncFromTheCheckpointTheJournalHolds() throws Exception {
        givenTables();
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger reports = new AtomicInteger();
        List<SyncTimed> timed = new CopyOnWriteArrayList<>();
        DirectoryJournal journal = new DirectoryJournal(dir);
        MigrationPlan plan = MigrationPlan.builder(SITE).source(oldServer).target(newServer)
                .syncer(MySqlSyncer.builder().source(TestServers.endpoint(oldDb, SITE))
                        .target(TestServers.endpoint(newDb, SITE)).deltaMethod(DeltaMethod.BINLOG)
                        .lockSourceForFinal(false).build())
                .maintenance(MaintenanceMode.none()).journal(journal).retry(RetryPolicy.builder().maxAttempts(1).build())
                .listener(new MigrationListener() {
                    @Override
                    public void progress(Progress p) {
                        if (armed.get() && p.phase() == Phase.INCREMENTAL_SYNC
                                && reports.incrementAndGet() == KILL_AT_PROGRESS) {
                            killTargetSessions();
                        }
                    }

                    @Override
                    public void syncTimed(SyncTimed e) {
                        timed.add(e);
                    }
                }).build();
        Migration m = Migration.open(plan);
        m.runTo(Phase.FUNCTIONAL_TESTING);
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        long changed = change();

        armed.set(true);
        MigrationException lost = assertThrows(MigrationException.class, m::incrementalSync);
        armed.set(false);

        List<EntryData.Checkpoint> checkpoints = journal.read(SITE).stream()
                .filter(e -> e.kind() == EntryKind.SYNC_CHECKPOINT).map(JournalEntry::data)
                .map(EntryData.Checkpoint.class::cast).toList();
        assertTrue(checkpoints.size() >= KILL_AT_PROGRESS - 1, "checkpoints journaled: " + checkpoints);
        String resume = checkpoints.get(checkpoints.size() - 1).cursor();
        assertTrue(lost.wasTransient(), lost.getMessage());
        assertTrue(lost.getMessage().contains("the target apply connection to "
                + TestServers.endpoint(newDb, SITE).where() + " was lost at "), lost.getMessage());
        assertTrue(lost.getMessage().contains("it will resume from " + resume), checkpoints + " " + lost.getMessage());
        assertFalse(lost.getMessage().contains("\n"), lost.getMessage());

        m.incrementalSync();

        MySqlBinlogDeltaDetails d = (MySqlBinlogDeltaDetails) timed.get(timed.size() - 1).result().details();
        assertEquals(resume, d.cursorBefore().toString(), "the second incremental sync starts at the checkpoint");
        long applied = d.rowsWritten() + d.rowsUpdated() + d.rowsDeleted();
        assertTrue(applied > 0 && applied < changed, "applied " + applied + " of " + changed);
        try (Connection left = oldDb.connect(SITE); Connection right = newDb.connect(SITE)) {
            DatabaseDigest.assertSame(left, right, SITE);
        }
        System.out.printf("FAULT %s engine DELTA: %d checkpoints journaled, resumed from %s applying %d of %d%n",
                SITE, checkpoints.size(), resume, applied, changed);
    }

    private void givenTables() throws Exception {
        oldDb.createDatabase(SITE);
        try (Connection c = oldDb.connect(SITE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keyed (id INT PRIMARY KEY, v VARCHAR(100))");
            s.execute("CREATE TABLE nokey (a INT, v VARCHAR(100))");
        }
    }

    private long change() throws Exception {
        long changes = 0;
        try (Connection c = oldDb.connect(SITE); Statement s = c.createStatement()) {
            for (int round = 0; round < 40; round++) {
                int base = round * 500;
                changes += s.executeUpdate("INSERT INTO nokey SELECT " + base + " + seq, 'r" + round
                        + "' FROM seq_1_to_500");
                changes += s.executeUpdate("INSERT INTO keyed SELECT " + base + " + seq, 'r" + round
                        + "' FROM seq_1_to_500");
            }
        }
        return changes;
    }

    private void killTargetSessions() {
        try (Connection c = newDb.connect(""); Statement s = c.createStatement()) {
            List<Long> ids = new CopyOnWriteArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + SITE
                    + "' AND ID <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                s.execute("KILL " + id);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the kill failed", e);
        }
    }
}
