package io.sitemove.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH failures carry the server and what went wrong as data, not only in their messages. */
class SshFailuresTest {
    private static final Server WEB = Server.builder("web-07").host("192.0.2.7").port(2222).user("site")
            .knownHosts(Path.of("/etc/panel/known_hosts")).build();

    @Test
    void aRefusedHostKeyCarriesTheServerTheRefusalAndTheOfferedKey() {
        HostKeyException e = HostKeyException.refused(WEB, HostKeyException.Refusal.CHANGED_KEY, "ssh-ed25519",
                "SHA256:abc", null);

        assertSame(WEB, e.server());
        assertEquals(HostKeyException.Refusal.CHANGED_KEY, e.refusal());
        assertEquals("ssh-ed25519", e.keyType().orElseThrow());
        assertEquals("SHA256:abc", e.fingerprint().orElseThrow());
        assertTrue(e.getMessage().startsWith("server web-07 (192.0.2.7:2222) offered a host key DIFFERENT from the one"
                + " recorded in known_hosts file /etc/panel/known_hosts: ssh-ed25519 SHA256:abc"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void anUnreadableKnownHostsFileIsRefusedBeforeConnecting(@TempDir Path dir) {
        Server server = Server.builder("web-07").host("192.0.2.7").user("site").knownHosts(dir).build();

        HostKeyException e = assertThrows(HostKeyException.class, () -> SshConnection.open(server));

        assertEquals(HostKeyException.Refusal.KNOWN_HOSTS_UNREADABLE, e.refusal());
        assertTrue(e.fingerprint().isEmpty());
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().contains("cannot read known_hosts file " + dir), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void aRefusedLoginCarriesTheServerAndTheUser() {
        SshAuthException e = SshAuthException.refused(WEB, "/etc/panel/keys/migrate", null);

        assertSame(WEB, e.server());
        assertEquals("site", e.user());
        assertTrue(e.getMessage().contains("login as site@192.0.2.7:2222 with key /etc/panel/keys/migrate was refused"),
                e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void aConnectFailureSaysWhetherItTimedOut() {
        SshConnectException timedOut = SshConnectException.unreachable(WEB, new SocketTimeoutException("connect timed out"));
        SshConnectException refused = SshConnectException.unreachable(WEB, new ConnectException("Connection refused"));
        SshConnectException handshake = SshConnectException.handshakeFailed(WEB,
                new IOException("handshake", new TimeoutException("Timeout expired: 30000 MILLISECONDS")));

        assertTrue(timedOut.timedOut());
        assertFalse(refused.timedOut());
        assertTrue(handshake.timedOut(), "a timeout anywhere in the causes counts");
        assertEquals(WEB, timedOut.server().orElseThrow());
        assertTrue(timedOut.isTransient() && refused.isTransient() && handshake.isTransient());
        assertTrue(refused.getMessage().contains("server web-07 (192.0.2.7:2222) is unreachable"), refused.getMessage());
    }

    @Test
    void aHostNameThatDoesNotResolveIsPermanent() {
        SshConnectException e = SshConnectException.unknownHost(WEB, new UnknownHostException("192.0.2.7"));

        assertFalse(e.isTransient());
        assertFalse(e.timedOut());
        assertEquals(WEB, e.server().orElseThrow());
    }

    @Test
    void aLostConnectionIsNamedLostWithWhereItResumesAndKeepsItsCauseOutOfTheMessage() {
        IOException cut = new IOException("net.schmizz.sshj.transport.TransportException: Broken transport");

        SshConnectException e = SshConnectException.lost(WEB, "listing /var/www", "the next sync sends the rest", cut);

        assertEquals("the connection to web-07 (192.0.2.7:2222) was lost while listing /var/www;"
                + " the next sync sends the rest", e.getMessage());
        assertSame(cut, e.getCause());
        assertSame(WEB, e.server().orElseThrow());
        assertTrue(e.isTransient());
        assertFalse(e.timedOut());
    }

    @Test
    void aLostConnectionByReadIdleTimeoutNamesTheWaitThatRanOut() {
        SshConnectException e = SshConnectException.lost(WEB, "listing /var/www", "the next sync sends the rest",
                new SocketTimeoutException("Read timed out"));

        assertTrue(e.getMessage().startsWith("no data from web-07 (192.0.2.7:2222) while listing /var/www within "),
                e.getMessage());
        assertTrue(e.timedOut());
        assertTrue(e.isTransient());
    }
}
