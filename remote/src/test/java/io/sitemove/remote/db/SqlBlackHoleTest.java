package io.sitemove.remote.db;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import io.sitemove.remote.BlackHole;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A database host that accepts the TCP connection and never greets stops the connect within its bound. */
@FaultTest
class SqlBlackHoleTest {
    private static final Duration SLACK = Duration.ofSeconds(4);

    @Test
    void aServerThatNeverGreetsFailsWithinTheConnectBoundNamingTheEndpointAndTheWait() throws IOException {
        try (BlackHole hole = new BlackHole()) {
            DbEndpoint endpoint = new DbEndpoint("127.0.0.1", hole.port(), "shop", "migrate", Secret.of("s3cr3t-pw"))
                    .withConnectTimeout(Duration.ofSeconds(1));

            long start = System.nanoTime();
            MigrationException e = assertThrows(MigrationException.class, () -> Sql.open(endpoint, true).close());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofSeconds(1).plus(SLACK)) < 0, "took " + took);
            assertTrue(took.compareTo(Duration.ofMillis(900)) > 0, "waited the bound, not less: " + took);
            assertTrue(e.getMessage().startsWith("could not connect as migrate on 127.0.0.1:" + hole.port()
                    + "/shop: no answer within 1 s (the endpoint's connect timeout)"), e.getMessage());
            assertTrue(e.isTransient());
            assertTrue(!e.getMessage().contains("s3cr3t-pw"), e.getMessage());
        }
    }
}
