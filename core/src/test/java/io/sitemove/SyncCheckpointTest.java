package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.fakes.FilesSyncer;
import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync that checkpoints and then fails is retried, or resumed by the next run, from its checkpoint. */
class SyncCheckpointTest {
    @TempDir
    Path dir;

    /** FULL ends at "full"; a DELTA that is told to fail checkpoints "half" from another thread first. */
    static final class CheckpointingSyncer extends FilesSyncer {
        final List<String> deltaCursors = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public SyncResult sync(SyncContext ctx) {
            if (ctx.mode() == SyncMode.FULL) {
                return result("full");
            }
            deltaCursors.add(ctx.cursor().orElse("none"));
            if (failuresLeft.getAndDecrement() > 0) {
                CompletableFuture.runAsync(() -> ctx.checkpoint("half-" + deltaCursors.size())).join();
                throw MigrationException.retryable("the connection was lost after a batch", null);
            }
            return result("end-" + deltaCursors.size());
        }

        private static SyncResult result(String cursor) {
            return new SyncResult(Counts.files(1, 1), 0, 0, Duration.ofMillis(1), cursor,
                    new RecordingSyncer.FakeDetails("files", 1));
        }
    }

    private MigrationPlan plan(CheckpointingSyncer syncer, int maxAttempts) {
        return MigrationPlan.builder("shop")
                .source(MigrationPlanTest.OLD).target(MigrationPlanTest.NEW)
                .syncer(syncer)
                .dns(DnsCutover.builder(new InMemoryDns(List.of(MigrationFailuresTest.OLD_A))).names("shop.example.")
                        .record(DnsRecord.a("shop.example.", 300, "192.0.2.3")).waitForTtlExpiry(false)
                        .propagationTimeout(Duration.ofSeconds(1)).build())
                .maintenance(new FlagMaintenance())
                .journal(new DirectoryJournal(dir))
                .retry(RetryPolicy.builder().maxAttempts(maxAttempts).initialWait(Duration.ofMillis(1)).build())
                .watch(Watch.of(Duration.ZERO, Duration.ofMillis(1)))
                .build();
    }

    private static void toIncrementalSync(Migration m) {
        m.runTo(Phase.FUNCTIONAL_TESTING);
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
    }

    @Test
    void aRetriedDeltaStartsFromTheCheckpointItsFailedAttemptJournaled() {
        CheckpointingSyncer syncer = new CheckpointingSyncer();
        MigrationPlan plan = plan(syncer, 2);
        Migration m = Migration.open(plan);
        toIncrementalSync(m);
        syncer.failuresLeft.set(1);

        m.incrementalSync();

        assertEquals(List.of("full", "half-1"), syncer.deltaCursors);
        List<EntryData.Checkpoint> checkpoints = plan.journal().read("shop").stream()
                .filter(e -> e.kind() == EntryKind.SYNC_CHECKPOINT).map(JournalEntry::data)
                .map(EntryData.Checkpoint.class::cast).toList();
        assertEquals(List.of(new EntryData.Checkpoint("files", SyncMode.DELTA, Direction.FORWARD, "half-1")),
                checkpoints);
    }

    @Test
    void theNextRunResumesAFailedDeltaFromItsCheckpointAndACompletedSyncThenSupersedesIt() {
        CheckpointingSyncer syncer = new CheckpointingSyncer();
        MigrationPlan plan = plan(syncer, 1);
        Migration first = Migration.open(plan);
        toIncrementalSync(first);
        syncer.failuresLeft.set(1);
        assertThrows(MigrationException.class, first::incrementalSync);

        Migration second = Migration.open(plan);
        second.incrementalSync();
        second.incrementalSync();

        assertEquals(List.of("full", "half-1", "end-2"), syncer.deltaCursors);
    }
}
