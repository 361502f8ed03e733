package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import org.junit.jupiter.api.Test;

/** How a failed direct transfer is told: what to do, and whether trying again may help. */
class RsyncFailureTest {
    private static final Server NEW = Server.builder("new").host("127.0.0.3").build();
    private static final String WHERE = "old (root@127.0.0.2:22) to " + NEW;

    @Test
    void anEarlierTransferStillHoldingRrsyncsLockIsTransient() {
        MigrationException e = RsyncPush.failure(WHERE, NEW, 1, "/usr/bin/rrsync error: Another instance of rrsync is"
                + " already accessing this directory.\nrsync: connection unexpectedly closed");

        assertTrue(e.isTransient(), e.getMessage());
        assertFalse(e instanceof DirectRefusedException, e.getMessage());
        assertTrue(e.getMessage().contains("still ending on new"), e.getMessage());
    }

    @Test
    void aRefusedKeyIsNotTransientAndABrokenConnectionIs() {
        assertInstanceOf(DirectRefusedException.class, RsyncPush.failure(WHERE, NEW, 255,
                "root@127.0.0.3: Permission denied (publickey)."));
        assertTrue(RsyncPush.failure(WHERE, NEW, 12, "rsync: connection unexpectedly closed").isTransient());
        assertFalse(RsyncPush.failure(WHERE, NEW, 23, "rsync: mkstemp failed: No space left on device (28)")
                .isTransient());
    }

    @Test
    void aConnectionBetweenTheServersLostIsToldAsLostWithWhatTheNextSyncDoes() {
        MigrationException e = RsyncPush.failure(WHERE, NEW, 255, "Connection to 127.0.0.3 closed by remote host.\n"
                + "rsync: [sender] write error: Broken pipe (32)\n");

        assertTrue(e.isTransient(), e.getMessage());
        assertTrue(e.getMessage().contains("stderr: Connection to 127.0.0.3 closed by remote host. / rsync: [sender]"
                + " write error: Broken pipe (32); "), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("the connection between the servers was lost; the next sync keeps what"
                + " rsync placed and sends the rest"), e.getMessage());
    }
}
