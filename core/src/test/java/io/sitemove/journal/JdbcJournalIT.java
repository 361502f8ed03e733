package io.sitemove.journal;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class JdbcJournalIT {
    static DataSource panel;

    @BeforeAll
    static void createPanelSchema(Testkit kit) throws Exception {
        MariaDb db = kit.newDb();
        db.createDatabase("panel");
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(db.jdbcUrl("panel"));
        ds.setUser(db.user());
        ds.setPassword(db.password());
        panel = ds;
    }

    @Test
    void readsBackWhatWasAppendedExactly() {
        JdbcJournal journal = new JdbcJournal(panel, "sitemove_journal");
        JournalEntry a = DirectoryJournalTest.entry(1, DirectoryJournalTest.synced("mysql-bin.000003:4711"));
        JournalEntry b = DirectoryJournalTest.entry(2, new EntryData.Note("✓ 🚀 \"q\""));
        journal.append("shop", a);
        journal.append("shop", b);

        assertEquals(List.of(a, b), new JdbcJournal(panel, "sitemove_journal").read("shop"));
        assertEquals(List.of(), journal.read("other"));
    }

    @Test
    @FaultTest
    void aSecondWriterOfTheSameEntryIsRefused() {
        JdbcJournal one = new JdbcJournal(panel, "journal_two_writers");
        JdbcJournal two = new JdbcJournal(panel, "journal_two_writers");
        one.append("shop", DirectoryJournalTest.entry(1, EntryData.None.INSTANCE));

        JournalException e = assertThrows(JournalException.class, () -> two.append("shop", DirectoryJournalTest.entry(1, EntryData.None.INSTANCE)));

        assertTrue(e.getMessage().contains("another process"), e.getMessage());
        assertEquals(1, one.read("shop").size());
    }

    @Test
    void readsARowWrittenBeforeEntriesWereTyped() throws Exception {
        JdbcJournal journal = new JdbcJournal(panel, "journal_old_rows");
        try (Connection c = panel.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO journal_old_rows (site, seq, at_micros, kind, phase, step, data) VALUES"
                    + " ('shop', 1, 1796303654630000, 'STEP_DONE', 'INITIAL_SYNC', 'sync:db', '{\"syncer\":\"db\","
                    + "\"mode\":\"FULL\",\"direction\":\"FORWARD\",\"cursor\":\"mariadb-bin.000001:4711\",\"rows\":\"17\","
                    + "\"bytes\":\"4096\",\"files\":\"0\",\"deleted\":\"0\",\"attributesFixed\":\"0\","
                    + "\"startedAtMs\":\"1796303654000\",\"durationMs\":\"630\",\"detail.strategy\":\"copy\"}')");
        }

        EntryData.Synced synced = journal.read("shop").get(0).data(EntryData.Synced.class).orElseThrow();

        assertEquals("mariadb-bin.000001:4711", synced.result().cursor());
        assertEquals(17, synced.result().moved().rows());
        assertEquals(java.time.Duration.ofMillis(630), synced.result().duration());
        assertEquals("{strategy=copy}", synced.result().details().summary());
    }

    @Test
    @FaultTest
    void aHeldLeaseRefusesASecondRunnerNamingItAndIsFreeOnceReleased() {
        JdbcJournal one = new JdbcJournal(panel, "journal_lease");
        JdbcJournal two = new JdbcJournal(panel, "journal_lease");
        LeaseHolder first = new LeaseHolder("panel-a", "host-a", 101, Instant.parse("2026-12-01T10:00:00Z"));

        try (JournalLease held = one.lease("shop", first, false)) {
            LeaseHeldException e = assertThrows(LeaseHeldException.class,
                    () -> two.lease("shop", new LeaseHolder("panel-b", "host-b", 202, Instant.now()), false));
            assertEquals(first, e.holder().orElseThrow());
            assertTrue(e.getMessage().contains("panel-a (pid 101 on host-a"), e.getMessage());
            held.check();
        }
        two.lease("shop", new LeaseHolder("panel-b", "host-b", 202, Instant.now()), false).close();
    }

    @Test
    @FaultTest
    void aDeadRunnersLeaseIsTakenOnceExpiredOrAtOnceByATakeOverAndTheOldHolderLearnsItLostIt() throws Exception {
        JdbcJournal journal = new JdbcJournal(panel, "journal_dead", Duration.ofSeconds(60));
        try (Connection c = panel.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO journal_dead_lease VALUES ('expired', 't1', 'ghost', 'gone', 1,"
                    + " UTC_TIMESTAMP(6), TIMESTAMPADD(SECOND, -5, UTC_TIMESTAMP(6)))");
            s.executeUpdate("INSERT INTO journal_dead_lease VALUES ('stuck', 't2', 'ghost', 'gone', 1,"
                    + " UTC_TIMESTAMP(6), TIMESTAMPADD(HOUR, 1, UTC_TIMESTAMP(6)))");
        }
        LeaseHolder me = new LeaseHolder("panel-c", "host-c", 303, Instant.now());

        journal.lease("expired", me, false).close();
        assertThrows(LeaseHeldException.class, () -> journal.lease("stuck", me, false));
        JournalLease mine = journal.lease("stuck", me, true);
        JournalLease theirs = journal.lease("stuck", new LeaseHolder("panel-d", "host-d", 404, Instant.now()), true);

        LeaseLostException lost = assertThrows(LeaseLostException.class, mine::check);
        assertTrue(lost.getMessage().contains("panel-c"), lost.getMessage());
        theirs.check();
        mine.close();
        theirs.check();
        theirs.close();
    }

    @Test
    @FaultTest
    void refusesATableNameThatIsNotPlain() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcJournal(panel, "journal`; DROP TABLE x; --"));
    }
}
