package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Migration;
import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.RetryPolicy;
import io.sitemove.Server;
import io.sitemove.event.MigrationListener;
import io.sitemove.remote.BlackHole;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.FaultTest;
import io.sitemove.wordpress.WordPressMaintenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole migration whose source server accepts connections and never answers ends within the bound
 * its plan sets (the wait times the engine's attempts), as a transient failure naming the server and
 * the wait, with the journal saying so and nothing copied.
 */
@FaultTest
class BlackHoleMigrationIT {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofSeconds(6);
    private static final int ATTEMPTS = 2;

    @RegisterExtension
    static final DemoServers demo = new DemoServers();

    private MigrationPlan plan(String journal) {
        return MigrateOneSite.plan(demo.settings(), demo.work().resolve(journal), new MigrationListener() { })
                .toBuilder()
                .retry(RetryPolicy.builder().maxAttempts(ATTEMPTS).initialWait(Duration.ofMillis(200)).build())
                .build();
    }

    @Test
    void aSourceSshHostThatNeverAnswersFailsTheMigrationWithinItsBoundAsTransient() throws Exception {
        try (BlackHole hole = new BlackHole()) {
            Server silent = Server.builder("old").host("127.0.0.1").port(hole.port()).user(demo.settings().sshUser())
                    .identity(demo.settings().sshKey()).knownHosts(demo.settings().knownHosts())
                    .handshakeTimeout(BOUND).build();
            MigrationPlan plan = plan("ssh-hole").toBuilder().source(silent).build();

            MigrationException e = runFailing(plan, hole);

            assertTrue(e.getMessage().contains("no SSH banner from old (127.0.0.1:" + hole.port() + ") within 1 s"),
                    e.getMessage());
            assertFailedAsTransientAndJournaled(plan, e);
        }
    }

    @Test
    void aSourceDatabaseThatNeverAnswersFailsTheMigrationWithinItsBoundAsTransient() throws Exception {
        try (BlackHole hole = new BlackHole()) {
            SiteSettings s = demo.settings();
            DbEndpoint silent = new DbEndpoint("127.0.0.1", hole.port(), s.database(), s.oldDbUser(), s.oldDbPassword())
                    .withConnectTimeout(BOUND);
            DbEndpoint target = new DbEndpoint(s.newHost(), s.newDbPort(), s.database(), s.newDbUser(),
                    s.newDbPassword());
            MigrationPlan plan = plan("db-hole").toBuilder().clearSyncers()
                    .syncer(FileSyncer.builder().sourceRoot(s.oldDocroot()).targetRoot(s.newDocroot())
                            .exclude(WordPressMaintenance.MARKER).build())
                    .syncer(MySqlSyncer.builder().source(silent).target(target).lockSourceForFinal(false).build())
                    .build();

            MigrationException e = runFailing(plan, hole);

            assertTrue(e.getMessage().contains("127.0.0.1:" + hole.port()), e.getMessage());
            assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
            assertFailedAsTransientAndJournaled(plan, e);
        }
    }

    /** Runs the plan to the initial sync, which fails; checks the time it took against the bound. */
    private static MigrationException runFailing(MigrationPlan plan, BlackHole hole) {
        Migration m = Migration.open(plan);
        long start = System.nanoTime();
        MigrationException e = assertThrows(MigrationException.class, () -> m.runTo(Phase.INITIAL_SYNC));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        int waits = Math.max(1, hole.accepted());
        Duration bound = BOUND.multipliedBy(waits).plus(SLACK);
        assertTrue(took.compareTo(bound) < 0, "took " + took + " for " + waits + " waits of " + BOUND);
        assertTrue(hole.accepted() >= ATTEMPTS, "each attempt reached the server: " + hole.accepted());
        System.out.printf("FAULT %s: %d connections to the black hole, failed after %d ms%n",
                plan.site(), hole.accepted(), took.toMillis());
        assertEquals(State.FAILED, m.status().state());
        return e;
    }

    private static void assertFailedAsTransientAndJournaled(MigrationPlan plan, MigrationException e)
            throws Exception {
        assertTrue(e.wasTransient(), e.getMessage());
        assertEquals(ATTEMPTS, e.attempts(), e.getMessage());
        assertEquals(Phase.PREFLIGHT, e.phase().orElseThrow());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\tat "), e.getMessage());
        List<JournalEntry> entries = plan.journal().read(plan.site());
        JournalEntry last = entries.get(entries.size() - 1);
        assertEquals(EntryKind.PHASE_FAILED, last.kind());
        EntryData.Failed failed = (EntryData.Failed) last.data();
        assertTrue(failed.transientFailure(), failed.message());
        assertEquals(e.getMessage(), failed.message());
        try (Stream<Path> files = Files.list(demo.kit().newSsh().root())) {
            assertTrue(files.findAny().isEmpty(), "nothing was copied");
        }
    }
}
