package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.ssh.SshConnectException;
import io.sitemove.testkit.FaultTest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a file sync tells a lost connection: the server attached, what was being done, what the next sync does. */
@FaultTest
class LostConnectionTest {
    private static final Server NEW = Server.builder("new").host("127.0.0.3").user("site")
            .readIdleTimeout(Duration.ofSeconds(40)).build();

    @Test
    void aCutConnectionNamesTheServerWhatWasBeingDoneAndWhatTheNextSyncDoes() {
        IOException cut = new IOException("Broken transport; encountered EOF");

        SshConnectException e = LostConnection.of(NEW, "receiving files into /srv/site/.sitemove-staging-1",
                LostConnection.STAGED_RESUMES, cut);

        assertTrue(e.isTransient());
        assertFalse(e.timedOut());
        assertEquals(Optional.of(NEW), e.server());
        assertSame(cut, e.getCause());
        assertEquals("the connection to new (127.0.0.3:22) was lost while receiving files into"
                + " /srv/site/.sitemove-staging-1; the next sync keeps the files that arrived whole and sends the rest",
                e.getMessage());
    }

    @Test
    void aSilentConnectionNamesTheWaitThatRanOut() {
        SshConnectException e = LostConnection.of(NEW, "listing the files under /srv/site", LostConnection.STARTS_OVER,
                new SocketTimeoutException("Read timed out"));

        assertTrue(e.isTransient());
        assertTrue(e.timedOut());
        assertTrue(e.getMessage().startsWith("no data from new (127.0.0.3:22) while listing the files under /srv/site"
                + " within 40 s"), e.getMessage());
    }

    @Test
    void aLostConnectionFromTheRemoteLayerIsToldAgainWithWhatTheSyncWasDoingAndAnythingElseIsLeftAlone() {
        IOException cut = new IOException("Socket closed");
        SshConnectException fromWaitFor = SshConnectException.lost(NEW, "waiting for new: 'sh' '-c' '...'",
                "the command may have run in part; try again", cut);

        RuntimeException told = LostConnection.retold(fromWaitFor, NEW, "trying to place the files under /srv/site",
                LostConnection.REPEATS);

        SshConnectException typed = (SshConnectException) told;
        assertEquals(Optional.of(NEW), typed.server());
        assertSame(cut, typed.getCause());
        assertSame(fromWaitFor, typed.getSuppressed()[0]);
        assertTrue(told.getMessage().endsWith("was lost while trying to place the files under /srv/site; the next sync"
                + " finds what is left to do and does it"), told.getMessage());
        MigrationException other = MigrationException.permanent("no such directory");
        assertSame(other, LostConnection.retold(other, NEW, "anything", LostConnection.REPEATS));
    }
}
