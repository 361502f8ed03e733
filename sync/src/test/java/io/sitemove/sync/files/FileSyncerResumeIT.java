package io.sitemove.sync.files;

import io.sitemove.testkit.FaultTest;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.CuttingProxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithTestkit(ssh = true, mariaDb = false, dns = false)
@FaultTest
class FileSyncerResumeIT {
    private static final int MIB = 1024 * 1024;
    private static final int FILES = 10;

    private final Testkit kit;
    private final Server oldServer;
    private final Server newServer;

    FileSyncerResumeIT(Testkit kit) {
        this.kit = kit;
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
    }

    private static void writeRandom(Path file, long seed) throws Exception {
        byte[] data = new byte[MIB];
        new Random(seed).nextBytes(data);
        Files.write(file, data);
    }

    /** The new server reached through a relay that cuts the connection after the given bytes. */
    private Server throughProxy(CuttingProxy proxy, Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + proxy.port() + " " + kit.newSsh().hostKeyLine() + "\n");
        return Server.builder("new").host("127.0.0.1").port(proxy.port()).user(kit.newSsh().user())
                .identity(kit.clientKey()).knownHosts(knownHosts).build();
    }

    @Test
    void aTransferCutOffMidwayLeavesTheOldFilesAndTheNextSyncResumesWithoutResendingWholeFiles(@TempDir Path tmp)
            throws Exception {
        Path source = kit.oldSsh().root().resolve("resume");
        Path target = kit.newSsh().root().resolve("resume");
        Files.createDirectories(source.resolve("media"));
        for (int i = 0; i < FILES; i++) {
            writeRandom(source.resolve("media/f" + i + ".bin"), i);
        }
        FileSyncer files = FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(source.toString()).targetRoot(target.toString()).build();
        files.sync(TestContext.forward(oldServer, newServer, SyncMode.FULL));
        for (int i = 0; i < FILES; i++) {
            Path file = source.resolve("media/f" + i + ".bin");
            writeRandom(file, 100 + i);
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
        }
        Map<String, String> before = LocalTrees.visible(target);

        try (CuttingProxy proxy = new CuttingProxy(kit.newSsh().host(), kit.newSsh().port(), 5L * MIB)) {
            Server cutOff = throughProxy(proxy, tmp);
            MigrationException broken = assertThrows(MigrationException.class,
                    () -> files.sync(TestContext.forward(oldServer, cutOff, SyncMode.DELTA)));
            assertTrue(proxy.cut(), "the relay cut the connection");
            assertTrue(broken.isTransient(), "a dropped connection is transient: " + broken);
        }

        assertEquals(before, LocalTrees.visible(target), "the old files are intact and no partial file is visible");
        assertEquals(1, LocalTrees.stagingDirs(target).size(), "the interrupted transfer's staging directory");
        Path stale = target.resolve(".sitemove-staging-stale");
        Files.createDirectories(stale.resolve("deep"));
        LocalTrees.write(stale.resolve("deep/junk"), "left by some older run");

        SyncResult resumed = files.sync(TestContext.forward(oldServer, newServer, SyncMode.DELTA));

        LocalTrees.assertSame(source, target);
        assertEquals(List.of(), LocalTrees.stagingDirs(target), "every staging directory is gone");
        assertEquals(FILES, resumed.moved().files());
        long reused = Details.of(resumed).resumed();
        assertTrue(reused >= 1 && reused < FILES, "files that had arrived whole: " + reused);
        assertTrue(resumed.moved().bytes() < (FILES - reused + 1L) * MIB,
                "only the files that had not arrived whole travelled again: " + resumed.moved().bytes() + " bytes");
        assertNotEquals(before, LocalTrees.visible(target));
        assertFalse(Files.exists(stale));
    }
}
