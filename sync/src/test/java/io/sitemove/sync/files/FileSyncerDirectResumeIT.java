package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.PausingProxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategy.DIRECT cut off midway: the rsync on the old server is killed while a file is on its way (held
 * at a known point by a relay in front of the new server); the files that arrived whole stay in place, the
 * one on its way never appears under its final name, and the next sync sends only the rest. Trees are
 * compared with find, stat and sha256sum on this machine.
 */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerDirectResumeIT {
    private static final int MIB = 1024 * 1024;
    private static final int FILES = 3;
    private static final int SIZE = 20 * MIB;

    private final Testkit kit;
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerDirectResumeIT(Testkit kit) {
        this.kit = kit;
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    @AfterEach
    void noKeyOrKeyDirectoryIsLeft() throws IOException {
        assertFalse(Files.readString(kit.newSsh().authorizedKeys()).contains("sitemove-"), "a temporary key is left");
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertEquals(List.of(), tmp.filter(p -> p.getFileName().toString().startsWith("sitemove-test_site-"))
                    .toList());
        }
    }

    @Test
    void aKilledDirectTransferFailsTransientlyLeavesNoHalfFileAndTheNextSyncSendsOnlyWhatDidNotArriveWhole(
            @TempDir Path tmp) throws Exception {
        Path source = oldRoot.resolve("resume-direct");
        Path target = newRoot.resolve("resume-direct");
        Files.createDirectories(source.resolve("media"));
        for (int i = 0; i < FILES; i++) {
            byte[] data = new byte[SIZE];
            new Random(i).nextBytes(data);
            Files.write(source.resolve("media/f" + i + ".bin"), data);
        }
        FileSyncer files = FileSyncer.builder().strategy(Strategy.DIRECT).sourceRoot(source.toString())
                .targetRoot(target.toString()).authorizedKeysFile(Side.TARGET, kit.newSsh().authorizedKeys().toString())
                .build();

        try (PausingProxy proxy = new PausingProxy(kit.newSsh().host(), kit.newSsh().port(), SIZE + SIZE / 2)) {
            Server viaProxy = throughProxy(proxy, tmp);
            FutureTask<SyncResult> first = new FutureTask<>(
                    () -> files.sync(TestContext.forward(oldServer, viaProxy, SyncMode.FULL)));
            Thread syncing = new Thread(first, "first-sync");
            syncing.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!proxy.awaitHeld(Duration.ofMillis(200)) && !first.isDone() && System.nanoTime() < deadline) {
                // waiting for the transfer to reach the hold point, or for the sync to end without it
            }
            if (first.isDone()) {
                ExecutionException ended = assertThrows(ExecutionException.class, first::get,
                        "the first sync finished before the hold point");
                throw new AssertionError("the first sync failed before a file and a half got across", ended.getCause());
            }
            assertTrue(proxy.awaitHeld(Duration.ZERO), "the transfer got a file and a half across");
            List<ProcessHandle> receivers = rsyncsIn(target);
            List<ProcessHandle> senders = rsyncSendingFrom(source);
            assertEquals(1, senders.size(), "the rsync sending from " + source + ": " + senders);
            assertFalse(receivers.isEmpty(), "the rsync receiving into " + target);
            senders.get(0).destroyForcibly();
            senders.get(0).onExit().get(60, TimeUnit.SECONDS);
            proxy.release();
            for (ProcessHandle receiver : receivers) {
                receiver.onExit().get(60, TimeUnit.SECONDS);
            }

            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(120, TimeUnit.SECONDS));
            MigrationException broken = assertInstanceOf(MigrationException.class, failed.getCause());
            assertTrue(broken.isTransient(), "a killed transfer is worth another try: " + broken);
            assertTrue(broken.getMessage().contains(oldServer.toString()) && broken.getMessage().contains("new ("),
                    broken.getMessage());
            assertTrue(broken.getMessage().contains("signal KILL"), broken.getMessage());
        }

        int whole = 0;
        for (int i = 0; i < FILES; i++) {
            Path arrived = target.resolve("media/f" + i + ".bin");
            if (Files.exists(arrived, LinkOption.NOFOLLOW_LINKS)) {
                assertEquals(sha256(source.resolve("media/f" + i + ".bin")), sha256(arrived),
                        "a file under its final name is whole: " + arrived);
                whole++;
            }
        }
        assertTrue(whole >= 1 && whole < FILES, "the transfer was cut off after the first file and before the"
                + " last: " + whole + " arrived whole");

        SyncResult resumed = files.sync(TestContext.forward(oldServer, newServer, SyncMode.DELTA));

        assertEquals(Route.DIRECT, Details.of(resumed).route());
        assertEquals(listing(source), listing(target), "find, stat and sha256sum see the same trees");
        assertEquals((long) (FILES - whole) * SIZE, resumed.moved().bytes(), "only the files not yet whole were sent");
        long wire = Details.of(resumed).wireBytes();
        assertTrue(wire < (long) FILES * SIZE, "less than the whole tree crossed the wire: " + wire);
    }

    /** The new server reached through the proxy, its host key pinned for the proxy's address. */
    private Server throughProxy(PausingProxy proxy, Path dir) throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + proxy.port() + " " + kit.newSsh().hostKeyLine() + "\n");
        return Server.builder("new").host("127.0.0.1").port(proxy.port()).user(kit.newSsh().user())
                .identity(kit.clientKey()).knownHosts(knownHosts).build();
    }

    /** The rsync processes (on the old server, which runs on this machine) sending from the given root. */
    private static List<ProcessHandle> rsyncSendingFrom(Path root) {
        String argument = root + "/";
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/rsync"))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(argument)).orElse(false))
                .toList();
    }

    /** The rsync processes (on the new server, which runs on this machine) working in the given directory. */
    private static List<ProcessHandle> rsyncsIn(Path dir) throws IOException {
        Path real = dir.toRealPath();
        List<ProcessHandle> found = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (p.info().command().orElse("").endsWith("/rsync")) {
                try {
                    if (Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(real)) {
                        found.add(p);
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return found;
    }

    /** Every entry's type, mode, size, mtime (whole seconds) and name, then every file's SHA-256: by find and stat. */
    private static String listing(Path root) throws IOException, InterruptedException {
        return run(root, "find . -mindepth 1 -exec stat -c '%F %a %s %Y %n' {} + | LC_ALL=C sort"
                + " && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2");
    }

    private static String sha256(Path file) throws IOException, InterruptedException {
        return run(file.getParent(), "sha256sum < \"$0\"", file.toString());
    }

    private static String run(Path dir, String script, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script));
        argv.addAll(List.of(args));
        Process sh = new ProcessBuilder(argv).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(sh.getInputStream().readAllBytes());
        assertEquals(0, sh.waitFor(), String.join(" ", argv));
        return out;
    }
}
