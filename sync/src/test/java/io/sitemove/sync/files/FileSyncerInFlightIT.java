package io.sitemove.sync.files;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A file that grows while it is sent is sent again or reported, and the root keeps its own mtime. */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
@FaultTest
class FileSyncerInFlightIT {
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerInFlightIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    private SyncResult sync(String dir) {
        return Syncers.relay(oldRoot, newRoot, dir).sync(TestContext.forward(oldServer, newServer, SyncMode.FULL));
    }

    @Test
    void aFileGrowingDuringARelaySyncIsSentAgainOrReportedAndTheNextSyncEndsIdentical() throws Exception {
        Path source = oldRoot.resolve("grow");
        Files.createDirectories(source);
        for (int i = 0; i < 20; i++) {
            LocalTrees.write(source.resolve("page" + i + ".php"), "page " + i);
        }
        Path log = source.resolve("access.log");
        byte[] line = new byte[4096];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        Files.write(log, new byte[8 * 1024 * 1024]);
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> append(log, line, stop));

        SyncResult during;
        try {
            during = sync("grow");
        } finally {
            stop.countDown();
        }
        long appended = writer.get(30, TimeUnit.SECONDS);

        FileSyncDetails details = during.details(FileSyncDetails.class).orElseThrow();
        assertTrue(appended > 0, "the writer appended while the sync ran");
        assertTrue(details.resentInFlight() >= 1, "sent again: " + details);
        assertEquals(java.util.List.of("access.log"), details.changedInFlight(), "still growing: " + details);
        assertTrue(details.summary().contains("still changing"), details.summary());

        SyncResult after = sync("grow");

        LocalTrees.assertSame(source, newRoot.resolve("grow"));
        assertEquals(java.util.List.of(), after.details(FileSyncDetails.class).orElseThrow().changedInFlight());
    }

    @Test
    void theRootDirectoryKeepsItsOwnMtime() throws Exception {
        Path source = oldRoot.resolve("rootmtime");
        Files.createDirectories(source.resolve("sub"));
        LocalTrees.write(source.resolve("sub/a.txt"), "a");
        LocalTrees.write(source.resolve("b.txt"), "b");
        FileTime past = FileTime.from(Instant.parse("2021-06-01T10:00:00Z"));
        Files.setLastModifiedTime(source, past);

        sync("rootmtime");

        assertEquals(past.toMillis() / 1000, Files.getLastModifiedTime(newRoot.resolve("rootmtime")).toMillis() / 1000);
        LocalTrees.assertSame(source, newRoot.resolve("rootmtime"));
    }

    /** Appends a line every 2 ms or so until told to stop; the bytes appended. */
    private static long append(Path log, byte[] line, CountDownLatch stop) {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            do {
                out.write(line);
                out.flush();
                written += line.length;
            } while (!stop.await(2, TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the writer failed", e);
        }
        return written;
    }
}
