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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
            assertFailsWithinTheConnectBound(hole, "never greets");
        }
    }

    @Test
    void aSourceThatGreetsAndNeverAnswersTheLoginFailsWithinTheConnectBound() throws Exception {
        try (BlackHole hole = new BlackHole(greeting())) {
            assertFailsWithinTheConnectBound(hole, "greets, never answers the login");
        }
    }

    private static void assertFailsWithinTheConnectBound(BlackHole hole, String what) throws Exception {
        DbEndpoint source = new DbEndpoint("127.0.0.1", hole.port(), "shop", "migrate", Secret.of("s3cr3t-pw"))
                .withConnectTimeout(BOUND);
        BinlogPosition from = new BinlogPosition("bin.000001", 4);

        long start = System.nanoTime();
        BinlogReader.ReadFailure failure = assertThrows(BinlogReader.ReadFailure.class,
                () -> new BinlogReader(source, 1_234_567_890L).read(from, new BinlogPosition("bin.000001", 900),
                        (event, after) -> { }));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(BOUND.plus(SLACK)) < 0, "took " + took);
        assertTrue(took.compareTo(BOUND.minusMillis(100)) > 0, "waited the bound, not less: " + took + ": " + failure);
        assertEquals(1, hole.accepted(), "one connection, no retry inside the read");
        assertFalse(failure.connected());
        MigrationException e = new DeltaFailures("db", source, source).of(failure, from, from, from, null, null, null);
        assertTrue(e.isTransient(), e.getMessage());
        assertEquals("binlog delta (db): the source binlog stream connection to 127.0.0.1:" + hole.port()
                + "/shop could not be opened within 1 s (the endpoint's connect timeout) or was closed while"
                + " logging in; it will resume from bin.000001:4, where this delta began", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-pw"));
        System.out.println("FAULT black-hole binlog source that " + what + ": failed after " + took.toMillis()
                + " ms (bound " + BOUND.toMillis() + " ms)");
    }

    /** A MySQL protocol-10 handshake packet offering mysql_native_password and no TLS. */
    private static byte[] greeting() {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(10);
        p.writeBytes("5.7.99\0".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(new byte[] {1, 0, 0, 0});
        p.writeBytes("abcdefgh\0".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(new byte[] {0x00, (byte) 0x82, 0x21, 0x02, 0x00, 0x08, 0x00, 21});
        p.writeBytes(new byte[10]);
        p.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
        byte[] payload = p.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.writeBytes(new byte[] {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), 0});
        packet.writeBytes(payload);
        return packet.toByteArray();
    }
}
