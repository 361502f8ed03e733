package io.sitemove.sync.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.ssh.SshConnectException;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.SshServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sshd on one end of a relay dies midway through a sync (SIGKILL to it and its sessions, as in a crash):
 * the sync fails at once as a lost connection naming that server, and once the sshd is back the next sync
 * sends only what had not arrived whole and ends with identical trees.
 */
@FaultTest
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerSshdStoppedIT {
    private static final Logger LOG = LoggerFactory.getLogger(FileSyncerSshdStoppedIT.class);
    private static final int MIB = 1024 * 1024;
    private static final int FILES = 40;
    private static final Duration READ_IDLE = Duration.ofSeconds(10);
    private static final long SLACK_MILLIS = 5000;

    private final Testkit kit;

    FileSyncerSshdStoppedIT(Testkit kit) {
        this.kit = kit;
    }

    @Test
    void theTargetSshdKilledMidwayFailsAsALostConnectionToTheTargetAndTheRerunSendsOnlyTheRest() throws Exception {
        stoppedMidway("target-stopped", kit.newSsh(), "new", " was lost while receiving files into ");
    }

    @Test
    void theSourceSshdKilledMidwayFailsAsALostConnectionToTheSourceAndTheRerunSendsOnlyTheRest() throws Exception {
        stoppedMidway("source-stopped", kit.oldSsh(), "old", " was lost while sending files from ");
    }

    @Test
    void theTargetSshdKilledUnderTheDirectTransferFailsAsLostBetweenTheServersAndTheRerunSendsOnlyTheRest()
            throws Exception {
        MigrationException lost = directStoppedMidway("direct-target-stopped", kit.newSsh());

        assertTrue(lost.getMessage().contains("the connection between the servers was lost; the next sync keeps what"
                + " rsync placed and sends the rest"), lost.getMessage());
    }

    @Test
    void theSourceSshdKilledUnderTheDirectTransferFailsAsALostConnectionToTheSourceAndTheRerunSendsOnlyTheRest()
            throws Exception {
        MigrationException lost = directStoppedMidway("direct-source-stopped", kit.oldSsh());

        SshConnectException typed = assertInstanceOf(SshConnectException.class, lost, lost.toString());
        assertEquals("old", typed.server().map(Server::name).orElse("none"), lost.getMessage());
        assertTrue(lost.getMessage().startsWith("the connection to old (") && lost.getMessage().contains(" was lost while "),
                lost.getMessage());
        assertTrue(lost.getMessage().endsWith("; the next sync keeps what rsync placed and sends the rest"),
                lost.getMessage());
    }

    private MigrationException directStoppedMidway(String dir, SshServer stopped) throws Exception {
        Path source = kit.oldSsh().root().resolve(dir);
        Path target = kit.newSsh().root().resolve(dir);
        tree(source);
        Server oldServer = server(kit.oldSsh());
        Server newServer = server(kit.newSsh());
        FileSyncer files = FileSyncer.builder().strategy(Strategy.DIRECT).sourceRoot(source.toString())
                .targetRoot(target.toString())
                .authorizedKeysFile(io.sitemove.spi.Side.TARGET, kit.newSsh().authorizedKeys().toString()).build();
        StoppingContext ctx = new StoppingContext(TestContext.forward(oldServer, newServer, SyncMode.FULL), 8L * MIB,
                () -> kit.stopSsh(stopped));

        Failed failed = failsWhileStopped(files, ctx, stopped);
        MigrationException lost = failed.lost();
        long millis = failed.millis();
        LOG.info("direct: sshd {} killed after {} bytes; the sync failed {} ms later: {}", stopped.name(),
                ctx.stoppedAt(), millis, lost.getMessage());
        assertTrue(ctx.stoppedAt() > 0, "the sshd was killed midway");
        assertTrue(millis < READ_IDLE.toMillis() + SLACK_MILLIS, "failed within the read-idle bound: " + millis
                + " ms");
        assertTrue(lost.isTransient(), "a lost connection is transient: " + lost);
        assertFalse(lost.getMessage().contains("\n") || lost.getMessage().contains("\tat "), lost.getMessage());
        int whole = 0;
        for (int i = 0; i < FILES; i++) {
            Path arrived = target.resolve("media/f" + i + ".bin");
            if (Files.exists(arrived)) {
                assertEquals(Files.mismatch(source.resolve("media/f" + i + ".bin"), arrived), -1L,
                        "a file under its final name is whole: " + arrived);
                whole++;
            }
        }

        SyncResult rerun = files.sync(TestContext.forward(oldServer, newServer, SyncMode.DELTA));

        LocalTrees.assertSame(source, target);
        LOG.info("direct rerun: {} files had arrived whole, {} bytes sent", whole, rerun.moved().bytes());
        assertTrue(whole >= 1 && whole < FILES, "files that had arrived whole: " + whole);
        assertEquals((long) (FILES - whole) * MIB, rerun.moved().bytes(), "only the files not yet whole were sent");
        files.cleanup(TestContext.forward(oldServer, newServer, SyncMode.DELTA));
        assertFalse(Files.readString(kit.newSsh().authorizedKeys()).contains("sitemove-"),
                "the cleanup removed the temporary key the killed run could not");
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            assertEquals(List.of(), tmp.filter(p -> p.getFileName().toString().startsWith("sitemove-test_site-"))
                    .toList(), "the cleanup removed the key directory the killed run could not");
        }
        return lost;
    }

    private void stoppedMidway(String dir, SshServer stopped, String name, String doing) throws Exception {
        Path source = kit.oldSsh().root().resolve(dir);
        Path target = kit.newSsh().root().resolve(dir);
        tree(source);
        Server oldServer = server(kit.oldSsh());
        Server newServer = server(kit.newSsh());
        FileSyncer files = Syncers.relay(kit.oldSsh().root(), kit.newSsh().root(), dir);
        StoppingContext ctx = new StoppingContext(TestContext.forward(oldServer, newServer, SyncMode.FULL), 8L * MIB,
                () -> kit.stopSsh(stopped));

        Failed failed = failsWhileStopped(files, ctx, stopped);
        MigrationException lost = failed.lost();
        long millis = failed.millis();
        LOG.info("sshd {} killed after {} bytes; the sync failed {} ms later: {}", name, ctx.stoppedAt(), millis,
                lost.getMessage());
        assertTrue(ctx.stoppedAt() > 0, "the sshd was killed midway");
        assertTrue(millis < READ_IDLE.toMillis() + SLACK_MILLIS, "failed within the read-idle bound: " + millis
                + " ms");
        assertTrue(lost.isTransient(), "a lost connection is transient: " + lost);
        SshConnectException typed = assertInstanceOf(SshConnectException.class, lost, lost.toString());
        assertEquals(name, typed.server().map(Server::name).orElse("none"), lost.getMessage());
        assertFalse(typed.timedOut(), "cut, not silent: " + lost.getMessage());
        String message = lost.getMessage();
        assertTrue(message.startsWith("the connection to " + name + " ("), message);
        assertTrue(message.contains(doing), message);
        assertTrue(message.endsWith("; the next sync keeps the files that arrived whole and sends the rest"), message);
        assertFalse(message.contains("\n") || message.contains("\tat ") || message.contains("sshj"), "no stack trace: " + message);
        assertEquals(Map.of(), LocalTrees.visible(target), "nothing visible before the whole tree arrived");

        SyncResult rerun = files.sync(TestContext.forward(oldServer, newServer, SyncMode.FULL));

        LocalTrees.assertSame(source, target);
        assertEquals(List.of(), LocalTrees.stagingDirs(target), "no staging directory left");
        long reused = Details.of(rerun).resumed();
        LOG.info("rerun: {} files had arrived whole, {} bytes sent of {} MiB", reused, rerun.moved().bytes(), FILES);
        assertTrue(reused >= 1 && reused < FILES, "files that had arrived whole: " + reused);
        assertTrue(rerun.moved().bytes() < (FILES - reused + 1L) * MIB,
                "only the files that had not arrived whole travelled again: " + rerun.moved().bytes() + " bytes");
    }

    /** How a sync failed once its sshd was killed: the failure, and the milliseconds from the kill to it. */
    private record Failed(MigrationException lost, long millis) {
    }

    /** Runs the sync that kills {@code stopped} midway, restarts that sshd, and says how the sync failed. */
    private Failed failsWhileStopped(FileSyncer files, StoppingContext ctx, SshServer stopped) throws Exception {
        try {
            MigrationException lost = assertThrows(MigrationException.class, () -> files.sync(ctx));
            return new Failed(lost, (System.nanoTime() - ctx.stoppedNanos()) / 1_000_000);
        } finally {
            if (ctx.stoppedAt() > 0) {
                kit.restartSsh(stopped);
            }
        }
    }

    private Server server(SshServer ssh) {
        return Server.builder(ssh.name()).host(ssh.host()).port(ssh.port()).user(ssh.user())
                .identity(kit.clientKey()).knownHosts(kit.knownHosts()).readIdleTimeout(READ_IDLE).build();
    }

    private static void tree(Path root) throws Exception {
        Files.createDirectories(root.resolve("media"));
        byte[] data = new byte[MIB];
        for (int i = 0; i < FILES; i++) {
            new Random(i).nextBytes(data);
            Files.write(root.resolve("media/f" + i + ".bin"), data);
        }
    }
}
