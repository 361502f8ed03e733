package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Strategy.DIRECT: rsync on the old server pushes to the new one with a throwaway key, which is gone
 * afterwards whatever happened. Trees are compared independently (a local walk, and rsync's own
 * checksum dry run).
 */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerDirectIT {

    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;
    private final Path newKeys;
    private final Path oldKeys;

    FileSyncerDirectIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
        newKeys = kit.newSsh().authorizedKeys();
        oldKeys = kit.oldSsh().authorizedKeys();
    }

    private FileSyncer.Builder builder(String dir, Strategy strategy) {
        return FileSyncer.builder().strategy(strategy).sourceRoot(oldRoot.resolve(dir).toString())
                .targetRoot(newRoot.resolve(dir).toString())
                .authorizedKeysFile(Side.TARGET, newKeys.toString())
                .authorizedKeysFile(Side.SOURCE, oldKeys.toString());
    }

    private SyncResult run(FileSyncer syncer, SyncMode mode) {
        return syncer.sync(TestContext.forward(oldServer, newServer, mode));
    }

    @AfterEach
    void noKeyOrKeyDirectoryIsLeft() throws IOException {
        assertFalse(Files.readString(newKeys).contains("sitemove-"), "a temporary key is left in " + newKeys);
        assertFalse(Files.readString(oldKeys).contains("sitemove-"), "a temporary key is left in " + oldKeys);
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertEquals(List.of(), tmp.filter(p -> p.getFileName().toString().startsWith("sitemove-test_site-"))
                    .toList());
        }
    }

    @Test
    void initialDeltaAndNoChangeSyncsLeaveIdenticalTrees() throws Exception {
        Path source = oldRoot.resolve("direct");
        Path target = newRoot.resolve("direct");
        LocalTrees.generate(source);
        FileSyncer files = builder("direct", Strategy.DIRECT).build();

        SyncResult full = run(files, SyncMode.FULL);

        assertEquals(Route.DIRECT, Details.of(full).route());
        assertEquals(LocalTrees.entries(source).size(), full.moved().files());
        assertTrue(full.moved().bytes() > 5 * 1024 * 1024);
        assertIdentical(source, target);
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(target.resolve("passwd-link")));

        LocalTrees.write(source.resolve("index.php"), "<?php echo 'CHANGED';");
        Files.setLastModifiedTime(source.resolve("index.php"), FileTime.fromMillis(1_700_000_000_000L));
        LocalTrees.write(source.resolve("wp-content/uploads/2024/05/new.jpg"), "new image");
        Files.delete(source.resolve("name with space.txt"));
        Files.delete(source.resolve("wp-content/uploads/2024/05/img-3.jpg"));
        LocalTrees.shell(source, "chmod 0600 run.sh && mkdir -p fresh/deep && echo x > fresh/deep/file");
        Files.setLastModifiedTime(source.resolve("wp-content/uploads/2024/05"), FileTime.fromMillis(1_700_000_000_000L));

        SyncResult delta = run(files, SyncMode.DELTA);

        assertEquals(Route.DIRECT, Details.of(delta).route());
        assertEquals(5, delta.moved().files(), "index.php, new.jpg, fresh, fresh/deep, fresh/deep/file");
        assertEquals(2, delta.deleted());
        assertEquals(2, delta.attributesFixed(), "the mode of run.sh, the mtime of the directory that gained and lost a file");
        assertIdentical(source, target);

        SyncResult none = run(files, SyncMode.DELTA);

        assertEquals(0, none.moved().files());
        assertEquals(0, none.deleted());
        assertEquals(delta.cursor(), none.cursor());
        assertIdentical(source, target);
    }

    @Test
    void theKeyIsRemovedWhenTheTransferFails() throws Exception {
        Path source = oldRoot.resolve("refused");
        Path target = newRoot.resolve("refused");
        Files.createDirectories(source.resolve("uploads"));
        LocalTrees.write(source.resolve("uploads/a.txt"), "a");
        FileSyncer files = builder("refused", Strategy.DIRECT).build();
        run(files, SyncMode.FULL);
        LocalTrees.write(source.resolve("uploads/b.txt"), "b");
        LocalTrees.shell(target, "chattr +i uploads");
        try {
            MigrationException failed = assertThrows(MigrationException.class, () -> run(files, SyncMode.DELTA));

            assertTrue(failed.getMessage().contains("rsync"), failed.getMessage());
            assertTrue(failed.getMessage().contains("new ("), failed.getMessage());
            assertFalse(failed.isTransient(), failed.getMessage());
        } finally {
            LocalTrees.shell(target, "chattr -i uploads");
        }
        run(files, SyncMode.DELTA);
        assertIdentical(source, target);
    }

    @Test
    void exclusionsLeaveOutTheSamePathsAsTheRelay() throws Exception {
        Path source = oldRoot.resolve("excl");
        LocalTrees.generate(source);
        LocalTrees.shell(source, "mkdir -p wp-content/cache/page staging/x && echo c > wp-content/cache/page/i.html"
                + " && echo s > staging/x/f && echo l > debug.log && echo l2 > wp-content/uploads/e.log"
                + " && echo m > .maintenance");
        for (String dir : List.of("excl-relay", "excl-direct")) {
            Path target = newRoot.resolve(dir);
            Files.createDirectories(target.resolve("wp-content/cache"));
            LocalTrees.write(target.resolve("wp-content/cache/kept-on-target"), "kept");
            LocalTrees.write(target.resolve("old.log"), "kept too");
        }
        List<String> globs = List.of("*.log", "staging/**", "current");
        FileSyncer relay = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString())
                .targetRoot(newRoot.resolve("excl-relay").toString()).preset(Preset.WORDPRESS)
                .exclude(globs.toArray(String[]::new)).build();
        FileSyncer direct = builder("excl", Strategy.DIRECT).targetRoot(newRoot.resolve("excl-direct").toString())
                .preset(Preset.WORDPRESS).exclude(globs.toArray(String[]::new)).build();

        SyncResult relayed = run(relay, SyncMode.FULL);
        SyncResult pushed = run(direct, SyncMode.FULL);

        assertEquals(Route.DIRECT, Details.of(pushed).route());
        assertEquals(relayed.moved().files(), pushed.moved().files());
        assertEquals(relayed.cursor(), pushed.cursor());
        assertEquals(LocalTrees.visible(newRoot.resolve("excl-relay")), LocalTrees.visible(newRoot.resolve("excl-direct")));
        assertFalse(Files.exists(newRoot.resolve("excl-direct/debug.log")));
        assertFalse(Files.exists(newRoot.resolve("excl-direct/staging")));
        assertTrue(Files.exists(newRoot.resolve("excl-direct/old.log")));
        assertTrue(Files.exists(newRoot.resolve("excl-direct/wp-content/cache/kept-on-target")));
    }

    @Test
    void autoPushesDirectlyWhenItCanAndRelaysWhenTheKeyIsRefused() throws Exception {
        Path source = oldRoot.resolve("auto");
        LocalTrees.generate(source);
        Path unread = Files.createDirectories(newRoot.resolveSibling("unread-keys")).resolve("authorized_keys");
        Files.writeString(unread, "");
        FileSyncer auto = builder("auto", Strategy.AUTO).relayBelow(0).build();
        FileSyncer refused = builder("auto", Strategy.AUTO).relayBelow(0)
                .targetRoot(newRoot.resolve("auto-refused").toString())
                .authorizedKeysFile(Side.TARGET, unread.toString()).build();
        FileSyncer direct = builder("auto", Strategy.DIRECT).targetRoot(newRoot.resolve("auto-direct").toString())
                .authorizedKeysFile(Side.TARGET, unread.toString()).build();

        SyncResult pushed = run(auto, SyncMode.FULL);
        SyncResult relayed = run(refused, SyncMode.FULL);
        MigrationException failed = assertThrows(MigrationException.class, () -> run(direct, SyncMode.FULL));

        assertEquals(Route.DIRECT, Details.of(pushed).route());
        assertEquals(Route.RELAY, Details.of(relayed).route());
        assertIdentical(source, newRoot.resolve("auto"));
        assertIdentical(source, newRoot.resolve("auto-refused"));
        assertTrue(failed.getMessage().contains("refused the temporary key"), failed.getMessage());
        assertEquals("", Files.readString(unread));
    }

    @Test
    void autoRelaysATransferTooSmallToRepayTheDirectSetup() throws Exception {
        Path source = oldRoot.resolve("small");
        Path target = newRoot.resolve("small");
        LocalTrees.generate(source);

        SyncResult relayed = run(builder("small", Strategy.AUTO).build(), SyncMode.FULL);
        LocalTrees.write(source.resolve("later.txt"), "later");
        SyncResult pushed = run(builder("small", Strategy.AUTO).relayBelow(0).build(), SyncMode.DELTA);

        assertEquals(Route.RELAY, Details.of(relayed).route());
        assertEquals(Route.DIRECT, Details.of(pushed).route());
        assertEquals(1, pushed.moved().files());
        assertIdentical(source, target);
    }

    @Test
    void reverseSyncPushesFromTheNewServerWithAKeyOnTheOld() throws Exception {
        Path source = oldRoot.resolve("back");
        Path target = newRoot.resolve("back");
        LocalTrees.generate(source);
        FileSyncer files = builder("back", Strategy.DIRECT).build();
        run(files, SyncMode.FULL);
        LocalTrees.write(target.resolve("order-after-cutover.txt"), "order 1001");

        SyncResult back = files.sync(TestContext.sync(oldServer, newServer, SyncMode.DELTA, Direction.REVERSE));

        assertEquals(Route.DIRECT, Details.of(back).route());
        assertEquals(1, back.moved().files());
        assertIdentical(target, source);
    }

    @Test
    void cleanupRemovesLeftoversOfThisSiteOnly() throws Exception {
        String other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther sitemove-other_site-0123456789abcdef\n";
        String mine = "command=\"rrsync -wo /x\",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMine"
                + " sitemove-test_site-fedcba9876543210\n";
        String admin = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAdmin admin@panel";
        Files.writeString(newKeys, other + mine + admin);
        Files.writeString(oldKeys, mine);
        Path leftover = Files.createDirectories(Path.of("/tmp/sitemove-test_site-fedcba9876543210.AbCd1234"));
        Files.writeString(leftover.resolve("key"), "private");
        try {
            builder("cleanup", Strategy.DIRECT).build().cleanup(TestContext.forward(oldServer, newServer,
                    SyncMode.FULL));

            assertEquals(other + admin + "\n", Files.readString(newKeys));
            assertEquals("", Files.readString(oldKeys));
            assertFalse(Files.exists(leftover));
        } finally {
            Files.writeString(newKeys, "");
        }
    }

    private static void assertIdentical(Path expected, Path actual) throws Exception {
        LocalTrees.assertSame(expected, actual);
        Process rsync = new ProcessBuilder("rsync", "-anc", "--delete", "--itemize-changes", expected + "/",
                actual + "/").redirectErrorStream(true).start();
        String changes = new String(rsync.getInputStream().readAllBytes()).replace(".d..t...... ./\n", "");
        assertEquals(0, rsync.waitFor(), changes);
        assertEquals("", changes, "rsync's checksum dry run finds differences (the roots' own mtimes aside)");
    }
}
