package io.sitemove.verify;

import static io.sitemove.verify.TreeHashVerifierIT.checksAndSubjects;
import static io.sitemove.verify.TreeHashVerifierIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.Finding;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.sync.files.Strategy;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The tree verifier after a real sync by the file syncer, with the source still taking changes: what
 * changed on the source since the sync started is pending while the site is live, and blocks at the
 * cutover; a fault on the target blocks either way.
 */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class TreeHashVerifierLiveIT {
    private final Testkit kit;
    private Path oldTree;
    private Path newTree;
    private FileSyncer syncer;
    private EntryData.Synced lastSync;

    TreeHashVerifierLiveIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenATreeCopiedByTheFileSyncer(TestInfo test) throws Exception {
        String dir = test.getTestMethod().orElseThrow().getName();
        oldTree = kit.oldSsh().root().resolve(dir);
        newTree = kit.newSsh().root().resolve(dir);
        Files.createDirectories(oldTree.resolve("wp-content/plugins"));
        Files.createDirectories(oldTree.resolve("wp-content/cache"));
        Files.createDirectories(oldTree.resolve("wp-content/uploads/2026"));
        Files.writeString(oldTree.resolve("index.php"), "<?php echo 'home';\n");
        Files.writeString(oldTree.resolve("wp-content/plugins/shop.php"), "<?php // plugin\n");
        Files.writeString(oldTree.resolve("wp-content/uploads/2026/a.jpg"), "jpeg bytes");
        Files.writeString(oldTree.resolve("wp-content/cache/page.html"), "cached on the old server");
        Files.writeString(oldTree.resolve("wp-config.php"), "<?php define('DB', 'x');\n");
        Files.createSymbolicLink(oldTree.resolve("current"), Path.of("wp-content/plugins"));
        run(oldTree, "chown", "-h", "65534:65534", "wp-content/uploads/2026/a.jpg");
        intoTheNextSecond();
        syncer = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(oldTree.toString())
                .targetRoot(newTree.toString()).preset(Preset.WORDPRESS).build();
        Instant started = Instant.now();
        SyncResult result = syncer.sync(TestContext.forward(TestServers.oldServer(kit), TestServers.newServer(kit),
                SyncMode.FULL));
        lastSync = new EntryData.Synced(syncer.name(), SyncMode.FULL, Direction.FORWARD, started, result);
        Files.writeString(newTree.resolve("wp-content/cache/page.html"), "cached on the new server");
    }

    @Test
    void aFaithfulCopyPassesAtEveryStageOwnersIncluded() {
        for (VerifyStage stage : List.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER)) {
            Verification result = TreeHashVerifier.builder().from(syncer).compareOwner(true).build()
                    .verify(LiveContext.of(kit, stage, lastSync));

            assertTrue(result.passed(), result.toString());
            assertEquals(List.of(), result.findings());
            assertTrue(result.summary().startsWith("10 entries identical"), result.summary());
        }
    }

    @Test
    void changesOnTheLiveSourceSinceTheLastSyncArePendingAndTheVerificationPasses() throws Exception {
        changeTheSource();

        Verification result = TreeHashVerifier.of(syncer).verify(LiveContext.of(kit, VerifyStage.FUNCTIONAL, lastSync));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of("mtime index.php", "content index.php", "mode wp-config.php",
                "mtime wp-content/plugins", "missing wp-content/plugins/new.php", "mtime wp-content/uploads/2026",
                "extra wp-content/uploads/2026/a.jpg"), checksAndSubjects(result));
        assertTrue(result.findings().stream().allMatch(Finding::pending), result.toString());
        assertTrue(result.summary().startsWith("6 of 11 entries differ under " + oldTree), result.summary());
        assertTrue(result.summary().endsWith("all of them pending: changed on the source since the last sync started at "
                + lastSync.started()), result.summary());
    }

    @Test
    void atTheCutoverTheSameChangesBlock() throws Exception {
        changeTheSource();

        Verification result = TreeHashVerifier.of(syncer).verify(LiveContext.of(kit, VerifyStage.CUTOVER, lastSync));

        assertFalse(result.passed());
        assertEquals(7, result.blocking().size(), result.toString());
        assertTrue(result.findings().stream().noneMatch(Finding::pending), result.toString());
        assertTrue(result.summary().startsWith("6 of 11 entries differ"), result.summary());
    }

    @Test
    void aFaultOnTheTargetBlocksWhileTheSourceIsLive() throws Exception {
        changeTheSource();
        Files.setPosixFilePermissions(newTree.resolve("wp-content/plugins/shop.php"),
                PosixFilePermissions.fromString("rw-------"));

        Verification result = TreeHashVerifier.of(syncer).verify(LiveContext.of(kit, VerifyStage.FUNCTIONAL, lastSync));

        assertFalse(result.passed());
        assertEquals(List.of(Finding.blocking("mode", "wp-content/plugins/shop.php", "0644 (source)", "0600",
                "sync the files again")), result.blocking());
        assertTrue(result.summary().contains("7 of 11 entries differ"), result.summary());
        assertTrue(result.summary().contains("6 of them pending"), result.summary());
    }

    @Test
    void withoutASyncToCompareWithChangesOnTheSourceAreFaults() throws Exception {
        changeTheSource();

        Verification result = TreeHashVerifier.of(syncer).verify(LiveContext.of(kit, VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(7, result.blocking().size(), result.toString());
    }

    @Test
    void theNextSyncCarriesThePendingChanges() throws Exception {
        changeTheSource();
        Instant started = Instant.now();
        SyncResult delta = syncer.sync(TestContext.forward(TestServers.oldServer(kit), TestServers.newServer(kit),
                SyncMode.DELTA));
        EntryData.Synced next = new EntryData.Synced(syncer.name(), SyncMode.DELTA, Direction.FORWARD, started, delta);

        Verification result = TreeHashVerifier.of(syncer).verify(LiveContext.of(kit, VerifyStage.CUTOVER, lastSync, next));

        assertTrue(result.passed(), result.toString());
        assertTrue(result.summary().startsWith("10 entries identical"), result.summary());
    }

    /**
     * Edits a file, adds one, deletes one, changes a mode: four entries, and two directories that hold them;
     * in a second after the sync's, as mtimes are compared in whole seconds.
     */
    private void changeTheSource() throws IOException, InterruptedException {
        intoTheNextSecond();
        Files.writeString(oldTree.resolve("index.php"), "<?php echo 'home, edited';\n");
        Files.writeString(oldTree.resolve("wp-content/plugins/new.php"), "<?php // new plugin\n");
        Files.delete(oldTree.resolve("wp-content/uploads/2026/a.jpg"));
        Files.setPosixFilePermissions(oldTree.resolve("wp-config.php"), PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * Waits until the clock is in the next whole second: what was written before and what is written after
     * then have different mtimes, in the whole seconds that listings compare.
     */
    private static void intoTheNextSecond() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == now) {
            Thread.sleep(20);
        }
    }
}
