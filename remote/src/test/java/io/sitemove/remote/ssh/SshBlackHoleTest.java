package io.sitemove.remote.ssh;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.BlackHole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts the TCP connection and then says nothing stops the SSH connection within its bound. */
@FaultTest
class SshBlackHoleTest {
    private static final Duration SLACK = Duration.ofSeconds(4);

    @Test
    void aServerThatNeverSendsItsBannerFailsWithinTheHandshakeBoundNamingTheWait(@TempDir Path dir) throws IOException {
        try (BlackHole hole = new BlackHole()) {
            Server server = server(dir, hole, Duration.ofSeconds(1));

            long start = System.nanoTime();
            SshConnectException e = assertThrows(SshConnectException.class, () -> SshConnection.open(server));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofSeconds(1).plus(SLACK)) < 0, "took " + took);
            assertTrue(took.compareTo(Duration.ofMillis(900)) > 0, "waited the bound, not less: " + took);
            assertEquals(1, hole.accepted(), "the TCP connection opened");
            assertTrue(e.getMessage().startsWith("no SSH banner from hole (127.0.0.1:" + hole.port() + ") within 1 s"),
                    e.getMessage());
            assertTrue(e.isTransient());
            assertTrue(e.timedOut());
            assertEquals(server, e.server().orElseThrow());
        }
    }

    @Test
    void aServerThatStopsAfterItsBannerFailsWithinTheHandshakeBoundInTheKeyExchange(@TempDir Path dir)
            throws IOException {
        byte[] banner = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);
        try (BlackHole hole = new BlackHole(banner)) {
            Server server = server(dir, hole, Duration.ofMillis(1500));

            long start = System.nanoTime();
            SshConnectException e = assertThrows(SshConnectException.class, () -> SshConnection.open(server));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofMillis(1500).plus(SLACK)) < 0, "took " + took);
            assertTrue(e.getMessage().startsWith("SSH key exchange with hole (127.0.0.1:" + hole.port()
                    + ") did not finish within 1.5 s"), e.getMessage());
            assertTrue(e.isTransient());
            assertTrue(e.timedOut());
        }
    }

    private static Server server(Path dir, BlackHole hole, Duration handshake) throws IOException {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        return Server.builder("hole").host("127.0.0.1").port(hole.port()).user("site").knownHosts(knownHosts)
                .handshakeTimeout(handshake).build();
    }
}
