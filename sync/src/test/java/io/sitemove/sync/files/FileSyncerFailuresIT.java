package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permanent failures stop a sync at once with the server, the path and the cause. The testkit runs as
 * root, whom permissions do not stop: a full disk is a small tmpfs, an unwritable directory an immutable one.
 */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerFailuresIT {
    private final Testkit kit;
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerFailuresIT(Testkit kit) {
        this.kit = kit;
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    /** The delta of the directory {@code dir}, relayed into {@code target}, which must fail. */
    private MigrationException failedSync(String dir, Server target) {
        FileSyncer files = Syncers.relay(oldRoot, newRoot, dir);
        return assertThrows(MigrationException.class,
                () -> files.sync(TestContext.forward(oldServer, target, SyncMode.DELTA)));
    }

    private static void assertNames(MigrationException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void aFullDiskOnTheTargetIsPermanentAndLeavesTheOldFilesAsTheyWere() throws Exception {
        Path source = oldRoot.resolve("full");
        Path target = newRoot.resolve("full");
        Files.createDirectories(source);
        Files.createDirectories(target);
        LocalTrees.write(source.resolve("keep.txt"), "new content");
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(big);
        Files.write(source.resolve("big.bin"), big);
        LocalTrees.shell(newRoot, "mount -t tmpfs -o size=512k sitemove-test full");
        try {
            LocalTrees.write(target.resolve("keep.txt"), "old content");

            MigrationException full = failedSync("full", newServer);

            assertFalse(full.isTransient(), full.toString());
            assertNames(full, "new (", target.toString(), "big.bin", "disk (or the SSH user's quota) on new is full");
            assertEquals("old content", Files.readString(target.resolve("keep.txt")));
            assertFalse(Files.exists(target.resolve("big.bin")));
            assertEquals(List.of(), LocalTrees.stagingDirs(target), "the failed transfer is cleared away");
        } finally {
            LocalTrees.shell(newRoot, "umount full");
        }
    }

    @Test
    void aDirectoryTheTargetUserMayNotWriteIsPermanentAndNamed() throws Exception {
        Path source = oldRoot.resolve("locked");
        Path target = newRoot.resolve("locked");
        Files.createDirectories(source.resolve("uploads"));
        LocalTrees.write(source.resolve("uploads/a.jpg"), "a");
        Syncers.relay(oldRoot, newRoot, "locked").sync(TestContext.forward(oldServer, newServer, SyncMode.FULL));
        LocalTrees.write(source.resolve("uploads/b.jpg"), "b");
        LocalTrees.shell(target, "chattr +i uploads");
        try {
            MigrationException refused = failedSync("locked", newServer);

            assertFalse(refused.isTransient(), refused.toString());
            assertNames(refused, "new (", target.toString(), "uploads", "Operation not permitted", "immutable");
            assertFalse(Files.exists(target.resolve("uploads/b.jpg")));
        } finally {
            LocalTrees.shell(target, "chattr -i uploads");
        }
        assertEquals(List.of(), LocalTrees.stagingDirs(target));
    }

    @Test
    void aRefusedLoginIsPermanentAndNamesTheServer(@TempDir Path dir) throws Exception {
        Files.createDirectories(oldRoot.resolve("auth"));
        LocalTrees.write(oldRoot.resolve("auth/a"), "a");
        Path wrongKey = dir.resolve("wrong");
        LocalTrees.shell(dir, "ssh-keygen -q -t ed25519 -N '' -f wrong");
        Server wrong = Server.builder("new").host(kit.newSsh().host()).port(kit.newSsh().port())
                .user(kit.newSsh().user()).identity(wrongKey).knownHosts(kit.knownHosts()).build();

        MigrationException refused = failedSync("auth", wrong);

        assertFalse(refused.isTransient(), refused.toString());
        assertNames(refused, "server new", "refused");
        assertFalse(Files.exists(newRoot.resolve("auth")), "nothing was done");
    }
}
