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
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerContentIT {
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerContentIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    private SyncResult sync(FileSyncer files) {
        return files.sync(TestContext.forward(oldServer, newServer, SyncMode.DELTA));
    }

    /** Writes the same-size content a target file had, keeping its mtime: a change size and mtime cannot see. */
    private static void tamper(Path file, String content) throws Exception {
        FileTime mtime = Files.getLastModifiedTime(file);
        LocalTrees.write(file, content);
        Files.setLastModifiedTime(file, mtime);
    }

    @Test
    void hashesFindChangesThatSizeAndMtimeMissAndSpareFilesWhoseMtimeAloneChanged() throws Exception {
        Path source = oldRoot.resolve("hashed");
        Path target = newRoot.resolve("hashed");
        Files.createDirectories(source.resolve("d"));
        LocalTrees.write(source.resolve("config.php"), "define('KEY', 'aaaa');");
        LocalTrees.write(source.resolve("d/line\nbreak"), "newline name");
        LocalTrees.shell(source, "printf 'latin1' > \"$(printf 'caf\\351.txt')\"");
        LocalTrees.write(source.resolve("touched.css"), "body {}");
        LocalTrees.write(source.resolve("same.js"), "x()");
        LocalTrees.shell(source, "touch -d @1600000000 config.php d/* caf* touched.css same.js");
        FileSyncer quick = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString()).targetRoot(target.toString()).build();
        FileSyncer hashing = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString()).targetRoot(target.toString())
                .verifyContent(true).build();
        sync(quick);
        tamper(target.resolve("config.php"), "define('KEY', 'bbbb');");
        tamper(target.resolve("d/line\nbreak"), "NEWLINE name");
        LocalTrees.shell(target, "f=\"$(printf 'caf\\351.txt')\"; printf 'LATIN1' > \"$f\"; touch -d @1600000000 \"$f\"");

        assertEquals(0, sync(quick).changes(), "size and mtime see no change");
        Files.setLastModifiedTime(source.resolve("touched.css"), FileTime.fromMillis(1_650_000_000_000L));
        Object touchedInode = Files.getAttribute(target.resolve("touched.css"), "unix:ino", LinkOption.NOFOLLOW_LINKS);

        SyncResult checked = sync(hashing);

        LocalTrees.assertSame(source, target);
        assertEquals(3, checked.moved().files(), "the three tampered files");
        assertEquals(1, checked.attributesFixed(), "touched.css: same content, mtime put back");
        assertEquals(5, Details.of(checked).contentChecked());
        assertEquals(3, Details.of(checked).contentDiffering());
        assertEquals(touchedInode, Files.getAttribute(target.resolve("touched.css"), "unix:ino",
                LinkOption.NOFOLLOW_LINKS), "touched.css was not sent");
        assertNotEquals(0, checked.moved().bytes());
        assertEquals(0, sync(hashing).changes(), "nothing left to do");
    }
}
