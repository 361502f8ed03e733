package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sitemove.Server;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import org.junit.jupiter.api.Test;

/** Runs as root on both testkit servers, so owners can be given away. */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerAttributesIT {
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerAttributesIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    private SyncResult sync(FileSyncer files, SyncMode mode) {
        return files.sync(TestContext.forward(oldServer, newServer, mode));
    }

    private FileSyncer.Builder syncer(String dir) {
        return FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(oldRoot.resolve(dir).toString()).targetRoot(newRoot.resolve(dir).toString());
    }

    private static Object inode(Path p) throws Exception {
        return Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    private static String owner(Path p) throws Exception {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.owner().getName() + ":" + a.group().getName();
    }

    @Test
    void modeOwnerAndDirectoryChangesAreFixedInPlaceWithoutSendingAnything() throws Exception {
        Path source = oldRoot.resolve("attrs");
        Path target = newRoot.resolve("attrs");
        Files.createDirectories(source.resolve("d"));
        LocalTrees.write(source.resolve("a.php"), "a");
        LocalTrees.write(source.resolve("b.php"), "b");
        LocalTrees.write(source.resolve("d/c.php"), "c");
        LocalTrees.shell(source, "chown www-data:www-data a.php");
        FileSyncer files = syncer("attrs").build();
        sync(files, SyncMode.FULL);
        assertEquals("www-data:www-data", owner(target.resolve("a.php")), "owners are mapped by name");
        Object inodeA = inode(target.resolve("a.php"));
        Object inodeB = inode(target.resolve("b.php"));
        LocalTrees.shell(source, "chown daemon:daemon a.php && chmod 600 b.php && chmod 700 d && touch -d @1600000000 d");

        SyncResult fixed = sync(files, SyncMode.DELTA);

        LocalTrees.assertSame(source, target);
        assertEquals(0, fixed.moved().files());
        assertEquals(0, fixed.moved().bytes());
        assertEquals(3, fixed.attributesFixed(), "a's owner, b's mode, d's mode and mtime");
        assertEquals("daemon:daemon", owner(target.resolve("a.php")));
        assertEquals(inodeA, inode(target.resolve("a.php")), "a.php was not sent again");
        assertEquals(inodeB, inode(target.resolve("b.php")), "b.php was not sent again");
        assertEquals(0, sync(files, SyncMode.DELTA).changes(), "nothing left to do");
    }

    @Test
    void twoNamesOfOneFileArriveAsOneFileAndStaySo() throws Exception {
        Path source = oldRoot.resolve("links");
        Path target = newRoot.resolve("links");
        Files.createDirectories(source.resolve("sub"));
        LocalTrees.write(source.resolve("x.jpg"), "one inode, two names");
        Files.createLink(source.resolve("sub/y.jpg"), source.resolve("x.jpg"));
        for (int i = 0; i < 3; i++) {
            LocalTrees.write(source.resolve("z" + i), "single");
        }
        FileSyncer files = syncer("links").build();

        sync(files, SyncMode.FULL);

        LocalTrees.assertSame(source, target);
        assertEquals(inode(target.resolve("x.jpg")), inode(target.resolve("sub/y.jpg")));

        LocalTrees.write(source.resolve("x.jpg"), "one inode, two names, new content");
        Files.setLastModifiedTime(source.resolve("x.jpg"), FileTime.fromMillis(1_650_000_000_000L));
        SyncResult changed = sync(files, SyncMode.DELTA);

        LocalTrees.assertSame(source, target);
        assertEquals(2, changed.moved().files(), "both names travel in one stream");
        assertEquals(inode(target.resolve("x.jpg")), inode(target.resolve("sub/y.jpg")));

        LocalTrees.shell(target, "cp -p sub/y.jpg sub/y.tmp && mv sub/y.tmp sub/y.jpg");
        assertNotEquals(inode(target.resolve("x.jpg")), inode(target.resolve("sub/y.jpg")));
        SyncResult relinked = sync(files, SyncMode.DELTA);

        assertEquals(2, relinked.moved().files());
        assertEquals(inode(target.resolve("x.jpg")), inode(target.resolve("sub/y.jpg")), "the link is made again");
        LocalTrees.assertSame(source, target);
    }

    @Test
    void aTargetOwnerIsGivenToEveryEntryAndKeepsSpecialModeBits() throws Exception {
        Path source = oldRoot.resolve("owned");
        Path target = newRoot.resolve("owned");
        Files.createDirectories(source.resolve("wp-content/uploads"));
        LocalTrees.write(source.resolve("index.php"), "<?php");
        LocalTrees.write(source.resolve("wp-content/uploads/a.jpg"), "jpg");
        LocalTrees.write(source.resolve("tool"), "#!/bin/sh");
        Files.createSymbolicLink(source.resolve("current"), Path.of("wp-content"));
        LocalTrees.shell(source, "chown -R daemon:daemon . && chmod 2755 tool");
        FileSyncer files = syncer("owned").targetOwner("www-data:www-data").build();

        sync(files, SyncMode.FULL);

        for (Path entry : LocalTrees.entries(target)) {
            assertEquals("www-data:www-data", owner(target.resolve(entry)), entry.toString());
        }
        LocalTrees.assertSame(source, target);
        assertEquals(02755, (Integer) Files.getAttribute(target.resolve("tool"), "unix:mode") & 07777,
                "chown clears set-group-ID; it is put back");
        LocalTrees.shell(source, "chown root:root index.php");
        assertEquals(0, sync(files, SyncMode.DELTA).changes(), "the source's owners do not matter");
    }
}
