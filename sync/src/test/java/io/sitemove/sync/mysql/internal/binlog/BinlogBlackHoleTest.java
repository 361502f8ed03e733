package io.sitemove.sync.mysql.internal.binlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import io.sitemove.remote.BlackHole;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.testkit.FaultTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A binlog source that accepts the connection and never answers stops the read within the endpoint's connect bound. */
@FaultTest
class BinlogBlackHoleTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Test
    void aSourceThatNeverGreetsFailsWithinTheConnectBoundAsATransientFailureOfTheBinlogStream() throws Exception {
        try (BlackHole hole = new BlackHole()) {
            DbEndpoint source = new DbEndpoint("127.0.0.1", hole.port(), "shop", "migrate", Secret.of("s3cr3t-pw"))
                    .withConnectTimeout(BOUND);
            BinlogPosition from = new BinlogPosition("bin.000001", 4);

            long start = System.nanoTime();
            BinlogReader.ReadFailure failure = assertThrows(BinlogReader.ReadFailure.class,
                    () -> new BinlogReader(source, 1_234_567_890L).read(from, new BinlogPosition("bin.000001", 900),
                            (event, after) -> { }));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(BOUND.plus(SLACK)) < 0, "took " + took);
            assertTrue(took.compareTo(BOUND.minusMillis(100)) > 0, "waited the bound, not less: " + took);
            assertEquals(1, hole.accepted(), "one connection, no retry inside the read");
            assertFalse(failure.connected());
            MigrationException e = new DeltaFailures("db", source, source).of(failure, from, from, from, null, null,
                    null);
            assertTrue(e.isTransient(), e.getMessage());
            assertEquals("binlog delta (db): the source binlog stream connection to 127.0.0.1:" + hole.port()
                    + "/shop could not be opened within 1000 ms (the endpoint's connect timeout) or was closed while"
                    + " logging in; it will resume from bin.000001:4, where this delta began", e.getMessage());
            System.out.println("FAULT black-hole binlog source: failed after " + took.toMillis() + " ms (bound "
                    + BOUND.toMillis() + " ms)");
        }
    }
}
