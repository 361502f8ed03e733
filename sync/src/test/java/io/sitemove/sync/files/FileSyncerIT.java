package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.ChangeRefusedException;
import io.sitemove.Counts;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerIT {

    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    private FileSyncer syncer(String dir) {
        return Syncers.relay(oldRoot, newRoot, dir);
    }

    private SyncResult run(FileSyncer syncer, SyncMode mode, Direction direction) {
        return syncer.sync(TestContext.sync(oldServer, newServer, mode, direction));
    }

    @Test
    void fullSyncCopiesAHostileTreeExactlyThenDeltasMoveOnlyWhatChanged() throws Exception {
        Path source = oldRoot.resolve("site");
        LocalTrees.generate(source);
        FileSyncer files = syncer("site");
        int entries = LocalTrees.entries(source).size();
        TestContext ctx = TestContext.forward(oldServer, newServer, SyncMode.FULL);

        SyncResult full = files.sync(ctx);

        Path target = newRoot.resolve("site");
        LocalTrees.assertSame(source, target);
        assertEquals(entries, full.moved().files());
        assertTrue(full.moved().bytes() > 5 * 1024 * 1024);
        assertEquals(Route.RELAY, Details.of(full).route());
        assertEquals(64, full.cursor().length());
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(target.resolve("passwd-link")));
        assertFalse(ctx.reports().isEmpty());
        Counts last = ctx.reports().get(ctx.reports().size() - 1);
        assertEquals(entries, last.files());

        LocalTrees.write(source.resolve("index.php"), "<?php echo 'HELLO';");
        Files.setLastModifiedTime(source.resolve("index.php"), FileTime.fromMillis(1_700_000_000_000L));
        LocalTrees.write(source.resolve("wp-content/uploads/2024/05/new.jpg"), "new image");
        Files.delete(source.resolve("name with space.txt"));

        SyncResult delta = run(files, SyncMode.DELTA, Direction.FORWARD);

        LocalTrees.assertSame(source, target);
        assertEquals(2, delta.moved().files(), "the modified and the added file");
        assertEquals(1, delta.deleted());
        assertNotEquals(full.cursor(), delta.cursor());

        SyncResult unchanged = run(files, SyncMode.DELTA, Direction.FORWARD);

        assertEquals(0, unchanged.moved().files());
        assertEquals(0, unchanged.deleted());
        assertEquals(0, unchanged.attributesFixed());
        assertEquals(delta.cursor(), unchanged.cursor());
        LocalTrees.assertSame(source, target);
    }

    @Test
    void modeOnlyChangeIsAnAttributeFixAndAFullRerunIsIdempotent() throws Exception {
        Path source = oldRoot.resolve("modes");
        Files.createDirectories(source.resolve("d"));
        for (int i = 0; i < 5; i++) {
            LocalTrees.write(source.resolve("d/f" + i), "content " + i);
        }
        FileSyncer files = syncer("modes");
        run(files, SyncMode.FULL, Direction.FORWARD);
        LocalTrees.shell(source, "chmod 600 d/f1");

        SyncResult again = run(files, SyncMode.FULL, Direction.FORWARD);

        LocalTrees.assertSame(source, newRoot.resolve("modes"));
        assertEquals(0, again.moved().files());
        assertEquals(1, again.attributesFixed());
    }

    @Test
    void replacesATargetSymlinkWhereTheSourceHasADirectoryWithoutWritingThroughIt() throws Exception {
        Path source = oldRoot.resolve("linkswap");
        Files.createDirectories(source.resolve("uploads"));
        LocalTrees.write(source.resolve("uploads/a.txt"), "mine");
        for (int i = 0; i < 4; i++) {
            LocalTrees.write(source.resolve("keep" + i), "k" + i);
        }
        Path outside = newRoot.resolve("outside");
        Files.createDirectories(outside);
        Path target = newRoot.resolve("linkswap");
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("uploads"), outside);

        run(syncer("linkswap"), SyncMode.FULL, Direction.FORWARD);

        LocalTrees.assertSame(source, target);
        assertFalse(Files.isSymbolicLink(target.resolve("uploads")));
        assertEquals(List.of(), LocalTrees.entries(outside), "nothing written through the link");
    }

    @Test
    void refusesToDeleteMostOfTheTargetUnlessAllowed() throws Exception {
        Path source = oldRoot.resolve("guard");
        Files.createDirectories(source);
        for (int i = 0; i < 10; i++) {
            LocalTrees.write(source.resolve("f" + i), "file " + i);
        }
        run(syncer("guard"), SyncMode.FULL, Direction.FORWARD);
        for (int i = 0; i < 5; i++) {
            Files.delete(source.resolve("f" + i));
        }

        ChangeRefusedException refused = assertThrows(ChangeRefusedException.class,
                () -> run(syncer("guard"), SyncMode.DELTA, Direction.FORWARD));

        assertEquals(ChangeRefusedException.Guard.MAX_FRACTION, refused.guard());
        assertEquals(5, refused.affected(), "would delete 5 of 10");
        assertEquals(10, refused.total(), "would delete 5 of 10");
        assertEquals("allowMassDeletion(true)", refused.override());
        assertTrue(refused.getMessage().contains("allowMassDeletion(true)"), refused.getMessage());
        assertEquals(10, LocalTrees.entries(newRoot.resolve("guard")).size(), "nothing deleted");

        FileSyncer allowed = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString())
                .targetRoot(newRoot.resolve("guard").toString()).allowMassDeletion(true).build();
        SyncResult result = run(allowed, SyncMode.DELTA, Direction.FORWARD);

        assertEquals(5, result.deleted());
        LocalTrees.assertSame(source, newRoot.resolve("guard"));
    }

    @Test
    void refusesToEmptyTheTargetFromAnEmptySource() throws Exception {
        Files.createDirectories(oldRoot.resolve("vanished"));
        Path target = newRoot.resolve("vanished");
        Files.createDirectories(target);
        LocalTrees.write(target.resolve("only"), "precious");

        ChangeRefusedException refused = assertThrows(ChangeRefusedException.class,
                () -> run(syncer("vanished"), SyncMode.DELTA, Direction.FORWARD));

        assertTrue(refused.getMessage().contains("is empty"), refused.getMessage());
        assertEquals(1, refused.affected());
        assertEquals(1, refused.total());
        assertEquals("allowMassDeletion(true)", refused.override());
        assertTrue(Files.exists(target.resolve("only")));
    }

    @Test
    void reverseCopiesTargetChangesBackToTheSource() throws Exception {
        Path source = oldRoot.resolve("rollback");
        Files.createDirectories(source.resolve("orders"));
        for (int i = 0; i < 6; i++) {
            LocalTrees.write(source.resolve("orders/o" + i), "order " + i);
        }
        FileSyncer files = syncer("rollback");
        run(files, SyncMode.FULL, Direction.FORWARD);
        Path target = newRoot.resolve("rollback");
        LocalTrees.write(target.resolve("orders/o6"), "order taken after cutover");
        LocalTrees.write(target.resolve("orders/o0"), "order 0, amended after cutover");

        SyncResult back = run(files, SyncMode.DELTA, Direction.REVERSE);

        LocalTrees.assertSame(target, source);
        assertEquals(2, back.moved().files());
        assertEquals(Direction.REVERSE, Details.of(back).direction());
    }

    @Test
    void exclusionsAreNeitherCopiedNorDeleted() throws Exception {
        Path source = oldRoot.resolve("excl");
        Files.createDirectories(source.resolve("cache/deep"));
        LocalTrees.write(source.resolve("cache/deep/page.html"), "cached");
        LocalTrees.write(source.resolve("debug.log"), "log");
        for (int i = 0; i < 4; i++) {
            LocalTrees.write(source.resolve("p" + i + ".php"), "php " + i);
        }
        Path target = newRoot.resolve("excl");
        Files.createDirectories(target);
        LocalTrees.write(target.resolve("server.log"), "target's own log");
        FileSyncer files = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString()).targetRoot(target.toString())
                .exclude("cache", "*.log").build();

        SyncResult result = run(files, SyncMode.FULL, Direction.FORWARD);

        assertEquals(4, result.moved().files());
        assertFalse(Files.exists(target.resolve("cache"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(target.resolve("debug.log")));
        assertTrue(Files.exists(target.resolve("server.log")));
    }

    @Test
    void theWordPressPresetNeitherCopiesNorDeletesCachesStagingCopiesOrTheMaintenanceMarker() throws Exception {
        Path source = oldRoot.resolve("wp");
        Files.createDirectories(source.resolve("wp-content/cache/wp-rocket"));
        Files.createDirectories(source.resolve("wp-content/plugins/shop/cache"));
        Files.createDirectories(source.resolve("staging"));
        LocalTrees.write(source.resolve("wp-content/cache/wp-rocket/index.html"), "old cached page");
        LocalTrees.write(source.resolve("wp-content/plugins/shop/cache/Cache.php"), "<?php class Cache {}");
        LocalTrees.write(source.resolve("staging/index.php"), "a staging copy");
        LocalTrees.write(source.resolve(".maintenance"), "<?php $upgrading = time(); ?>");
        for (int i = 0; i < 4; i++) {
            LocalTrees.write(source.resolve("p" + i + ".php"), "php " + i);
        }
        Path target = newRoot.resolve("wp");
        Files.createDirectories(target.resolve("wp-content/cache/wp-rocket"));
        LocalTrees.write(target.resolve("wp-content/cache/wp-rocket/new.html"), "the new server's cache");
        Files.createDirectories(target.resolve("wp-staging"));
        LocalTrees.write(target.resolve("wp-staging/index.php"), "the new server's staging copy");
        LocalTrees.write(target.resolve(".maintenance"), "new server in maintenance");
        FileSyncer files = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString()).targetRoot(target.toString())
                .preset(Preset.WORDPRESS).allowMassDeletion(true).build();

        SyncResult result = run(files, SyncMode.FULL, Direction.FORWARD);

        assertTrue(Files.exists(target.resolve("wp-content/plugins/shop/cache/Cache.php")), "a plugin's own code");
        assertTrue(Files.isDirectory(target.resolve("wp-content/cache/wp-rocket")), "cache directories are kept");
        assertFalse(Files.exists(target.resolve("wp-content/cache/wp-rocket/index.html")), "cache not copied");
        assertFalse(Files.exists(target.resolve("staging")), "staging copy not copied");
        assertEquals("the new server's cache", Files.readString(target.resolve("wp-content/cache/wp-rocket/new.html")));
        assertEquals("the new server's staging copy", Files.readString(target.resolve("wp-staging/index.php")));
        assertEquals("new server in maintenance", Files.readString(target.resolve(".maintenance")));
        assertEquals(0, result.deleted());
    }

    @Test
    void preflightPassesForGoodRootsAndNamesAMissingSource(Testkit kit) throws Exception {
        Files.createDirectories(oldRoot.resolve("pre"));
        LocalTrees.write(oldRoot.resolve("pre/index.php"), "x");
        TestContext ctx = TestContext.forward(oldServer, newServer, SyncMode.FULL);

        List<CheckResult> good = syncer("pre").preflight(ctx);
        List<CheckResult> bad = syncer("no-such-dir").preflight(ctx);

        assertTrue(good.stream().allMatch(CheckResult::passed), good.toString());
        assertTrue(good.stream().anyMatch(c -> c.check().startsWith("free disk")), good.toString());
        assertTrue(bad.stream().anyMatch(c -> !c.passed() && c.detail().contains("no-such-dir")), bad.toString());
        assertFalse(Files.exists(newRoot.resolve("pre")), "preflight creates nothing");
    }
}
