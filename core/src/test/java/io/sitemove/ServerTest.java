package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A server's waits are bounded by default, and a bound set on the builder is checked as it is set. */
class ServerTest {

    @Test
    void everyWaitHasABoundedDefault() {
        Server server = Server.builder("old").host("192.0.2.5").build();

        assertEquals(Duration.ofSeconds(10), server.connectTimeout());
        assertEquals(Duration.ofSeconds(30), server.handshakeTimeout());
        assertEquals(Duration.ofMinutes(5), server.readIdleTimeout());
    }

    @Test
    void theBoundsSetOnTheBuilderAreKept() {
        Server server = Server.builder("old").host("192.0.2.5").connectTimeout(Duration.ofSeconds(3))
                .handshakeTimeout(Duration.ofSeconds(7)).readIdleTimeout(Duration.ofMinutes(20)).build();

        assertEquals(Duration.ofSeconds(3), server.connectTimeout());
        assertEquals(Duration.ofSeconds(7), server.handshakeTimeout());
        assertEquals(Duration.ofMinutes(20), server.readIdleTimeout());
    }

    @Test
    void theConstructorWithoutBoundsTakesTheDefaults() {
        Server server = new Server("old", "192.0.2.5", 22, "site", Optional.empty(), Path.of("known_hosts"));

        assertEquals(Server.DEFAULT_HANDSHAKE_TIMEOUT, server.handshakeTimeout());
        assertEquals(Server.builder("old").host("192.0.2.5").user("site").knownHosts(Path.of("known_hosts")).build(),
                server);
    }

    @Test
    void aBoundThatIsMissingZeroNegativeOrBeyondADayIsRefused() {
        Server.Builder builder = Server.builder("old").host("192.0.2.5");

        NullPointerException missing = assertThrows(NullPointerException.class, () -> builder.connectTimeout(null));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> builder.handshakeTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.readIdleTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.readIdleTimeout(Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ofNanos(10)));

        assertEquals("connectTimeout cannot be null", missing.getMessage());
        assertTrue(zero.getMessage().startsWith("handshakeTimeout PT0S must be more than zero"), zero.getMessage());
    }
}
