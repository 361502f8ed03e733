package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.ScriptedVerifier;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verifier is told which syncs completed, so it can compare the target with what they delivered. */
class VerifiersSeeTheSyncsTest {
    @TempDir
    Path dir;

    private final SyncCheckpointTest.CheckpointingSyncer syncer = new SyncCheckpointTest.CheckpointingSyncer();
    private final ScriptedVerifier verifier = new ScriptedVerifier();

    private Migration migration() {
        return Migration.open(MigrationPlan.builder("shop")
                .source(MigrationPlanTest.OLD).target(MigrationPlanTest.NEW)
                .syncer(syncer)
                .verifier(verifier)
                .dns(DnsCutover.builder(new InMemoryDns(List.of(MigrationFailuresTest.OLD_A))).names("shop.example.")
                        .record(DnsRecord.a("shop.example.", 300, "192.0.2.3")).waitForTtlExpiry(false)
                        .propagationTimeout(Duration.ofSeconds(1)).build())
                .maintenance(new FlagMaintenance())
                .journal(new DirectoryJournal(dir))
                .watch(Watch.of(Duration.ZERO, Duration.ofMillis(1)))
                .build());
    }

    @Test
    void functionalTestingSeesTheInitialSyncAndTheCutoverSeesTheFinalOneAfterTheDelta() {
        Migration m = migration();
        m.runTo(Phase.FUNCTIONAL_TESTING);
        VerifyContext functional = verifier.contexts().get(0);
        assertEquals(VerifyStage.FUNCTIONAL, functional.stage());
        assertEquals("full", functional.lastSync(syncer.name()).orElseThrow().result().cursor());
        assertTrue(functional.syncBeforeLast(syncer.name()).isEmpty());

        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        m.runTo(Phase.INCREMENTAL_SYNC);
        m.runTo(Phase.MORATORIUM);
        m.runTo(Phase.FINAL_SYNC);

        VerifyContext cutover = verifier.contexts().stream().filter(c -> c.stage() == VerifyStage.CUTOVER)
                .findFirst().orElseThrow();
        EntryData.Synced last = cutover.lastSync(syncer.name()).orElseThrow();
        assertEquals(SyncMode.FINAL, last.mode());
        assertEquals(SyncMode.DELTA, cutover.syncBeforeLast(syncer.name()).orElseThrow().mode());
        assertEquals(List.of(SyncMode.FULL, SyncMode.DELTA, SyncMode.FINAL),
                cutover.syncs().stream().map(EntryData.Synced::mode).toList());
        assertTrue(cutover.lastSync("no such syncer").isEmpty());
    }
}
