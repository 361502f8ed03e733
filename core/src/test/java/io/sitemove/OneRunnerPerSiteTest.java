package io.sitemove;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.fakes.FilesSyncer;
import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.journal.LeaseHeldException;
import io.sitemove.journal.LeaseHolderChild;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.SyncDetails;
import io.sitemove.spi.Syncer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runners of one site: the second is refused at once, naming the first, and nothing runs twice. */
@FaultTest
class OneRunnerPerSiteTest {
    @TempDir
    Path dir;

    /** A syncer that counts its syncs and, when told, holds inside one until released. */
    static final class HoldingSyncer extends FilesSyncer {
        final AtomicInteger syncs = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold = true;

        @Override
        public SyncResult sync(SyncContext ctx) {
            syncs.incrementAndGet();
            entered.countDown();
            if (hold) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new SyncResult(Counts.ZERO, 0, 0, Duration.ofMillis(1), "c", SyncDetails.none());
        }
    }

    MigrationPlan plan(Syncer syncer) {
        return MigrationPlan.builder("shop").source(MigrationPlanTest.OLD).target(MigrationPlanTest.NEW).syncer(syncer)
                .maintenance(new FlagMaintenance()).journal(new DirectoryJournal(dir)).build();
    }

    long phaseStarts(Phase phase) {
        return new DirectoryJournal(dir).read("shop").stream()
                .filter(e -> e.kind() == EntryKind.PHASE_STARTED && e.phase() == phase).count();
    }

    @Test
    void aSecondRunnerWhileTheFirstSyncsIsRefusedAtOnceNamingTheFirst() throws Exception {
        HoldingSyncer syncer = new HoldingSyncer();
        MigrationPlan plan = plan(syncer);
        FutureTask<MigrationStatus> first = new FutureTask<>(() -> Migration.open(plan).runTo(Phase.INITIAL_SYNC));
        new Thread(first, "first-runner").start();
        assertTrue(syncer.entered.await(30, TimeUnit.SECONDS), "the first runner reached its sync");

        long t0 = System.nanoTime();
        LeaseHeldException refused = assertThrows(LeaseHeldException.class,
                () -> Migration.open(plan).runTo(Phase.INITIAL_SYNC));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(tookMs < 2000, "refused at once, took " + tookMs + " ms");
        assertTrue(refused.getMessage().contains("first-runner"), refused.getMessage());
        assertEquals(ProcessHandle.current().pid(), refused.holder().orElseThrow().pid());
        syncer.release.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS).isCompleted(Phase.INITIAL_SYNC));
        assertEquals(1, syncer.syncs.get(), "the refused runner synced nothing");
        assertEquals(1, phaseStarts(Phase.INITIAL_SYNC));
        assertTrue(Migration.open(plan).runTo(Phase.INITIAL_SYNC).isCompleted(Phase.INITIAL_SYNC), "free again");
        assertEquals(1, syncer.syncs.get());
    }

    @Test
    void ofTwoRunnersStartedAtTheSameMomentOneRunsAndTheOtherIsRefused() throws Exception {
        HoldingSyncer syncer = new HoldingSyncer();
        syncer.hold = false;
        MigrationPlan plan = plan(syncer);
        CyclicBarrier start = new CyclicBarrier(2);
        List<FutureTask<MigrationStatus>> runners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Migration m = Migration.open(plan);
            FutureTask<MigrationStatus> t = new FutureTask<>(() -> {
                start.await();
                return m.runTo(Phase.INITIAL_SYNC);
            });
            runners.add(t);
            new Thread(t, "runner-" + i).start();
        }
        int refused = 0;
        for (FutureTask<MigrationStatus> t : runners) {
            try {
                t.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof LeaseHeldException, String.valueOf(e.getCause()));
                refused++;
            }
        }

        assertTrue(refused <= 1, "at most one was refused");
        assertEquals(1, syncer.syncs.get(), "the sync ran once");
        assertEquals(1, phaseStarts(Phase.INITIAL_SYNC));
    }

    @Test
    void aRunnerInAnotherProcessKeepsTheSiteUntilItDiesAndThenItIsFreeAtOnce() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LeaseHolderChild.class.getName(), dir.toString(), "shop")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("HELD"), "the child holds the lease: " + line);
            HoldingSyncer syncer = new HoldingSyncer();
            syncer.hold = false;
            MigrationPlan plan = plan(syncer);

            LeaseHeldException refused = assertThrows(LeaseHeldException.class,
                    () -> Migration.open(plan).runTo(Phase.INITIAL_SYNC));

            assertEquals(child.pid(), refused.holder().orElseThrow().pid(), refused.getMessage());
            assertTrue(refused.getMessage().contains("child runner"), refused.getMessage());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Migration.open(plan).runTo(Phase.INITIAL_SYNC).isCompleted(Phase.INITIAL_SYNC),
                    "a killed holder's lease ends with its process");
            assertEquals(1, syncer.syncs.get());
        } finally {
            child.destroyForcibly();
        }
    }
}
