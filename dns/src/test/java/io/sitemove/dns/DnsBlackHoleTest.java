package io.sitemove.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.testkit.FaultTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A primary name server that accepts TCP connections and never answers, and swallows UDP queries on
 * the same port: every operation of the switcher fails within its bound with a transient
 * {@link DnsTimeoutException} naming the server and the wait that ran out, never the TSIG secret. Each
 * test measures the time itself and checks, on the black hole's side, that it was asked.
 */
@FaultTest
class DnsBlackHoleTest {
    private static final String SECRET = "c2l0ZW1vdmUtdGVzdC1zZWNyZXQtMzItYnl0ZXMhIQ==";
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final TestContext CTX = new TestContext(List.of(DnsRecord.a("www.example.test.", 300, "192.0.2.9"),
            DnsRecord.a("shop.example.test.", 300, "192.0.2.9"), DnsRecord.a("example.test.", 300, "192.0.2.9")));

    private final BlackHoleDns hole = new BlackHoleDns();

    @AfterEach
    void closeTheBlackHole() throws IOException {
        hole.close();
    }

    @Test
    void readingTheRecordsEndsAtTheTimeoutOfOneAnswer() {
        Rfc2136Switcher switcher = switcher(Duration.ofSeconds(1), Duration.ofSeconds(10));

        DnsTimeoutException e = timesOut(() -> switcher.read(CTX), Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertNamesTheWait(e, "within 1 s (the timeout of one answer)");
        assertEquals(1, hole.acceptedConnections(), "asked once, over TCP");
    }

    @Test
    void applyingAChangeEndsAtTheTimeoutOfOneAnswerAndSendsNoUpdate() {
        Rfc2136Switcher switcher = switcher(Duration.ofSeconds(1), Duration.ofSeconds(10));
        DnsChange change = new DnsChange(List.of(), CTX.switchTo());

        DnsTimeoutException e = timesOut(() -> switcher.apply(CTX, change), Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertNamesTheWait(e, "within 1 s (the timeout of one answer)");
        assertEquals(1, hole.acceptedConnections(), "only the read before the update was tried");
    }

    @Test
    void preflightWaitsOnceNotOncePerCheck() {
        Rfc2136Switcher switcher = switcher(Duration.ofSeconds(2), Duration.ofSeconds(30));
        long start = System.nanoTime();

        List<CheckResult> checks = switcher.preflight(CTX, CTX);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "waited the timeout: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(2).plus(SLACK)) < 0, "took " + took + " for three checks"
                + " with a timeout of 2 s: asking three times would take 6 s");
        assertEquals(3, checks.size(), checks.toString());
        checks.forEach(c -> assertFalse(c.passed(), c.toString()));
        assertTrue(checks.get(0).detail().startsWith("no answer from " + hole.label()), checks.toString());
        assertTrue(checks.get(1).detail().contains(hole.label() + " did not answer"), checks.toString());
        checks.forEach(c -> assertFalse(c.detail().contains(SECRET), c.toString()));
        assertEquals(1, hole.acceptedConnections());
    }

    @Test
    void aZoneTransferEndsAtTheOperationDeadline() {
        Rfc2136Switcher switcher = switcher(Duration.ofSeconds(1), Duration.ofSeconds(3));

        DnsTimeoutException e = timesOut(() -> switcher.zoneRecordCount(CTX), Duration.ofSeconds(3),
                Duration.ofSeconds(3));

        assertTrue(e.getMessage().startsWith("a zone transfer (AXFR) of zone example.test. from " + hole.label()),
                e.getMessage());
        assertNamesTheWait(e, "did not complete within the operation's deadline of 3 s");
        assertEquals(1, hole.acceptedConnections());
    }

    @Test
    void anOperationTimeoutShorterThanTheAnswerTimeoutIsRefused() {
        Rfc2136Switcher.Builder b = builder(Duration.ofSeconds(5), Duration.ofSeconds(2));

        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);

        assertEquals("operationTimeout 2 s is shorter than the timeout of one answer, 5 s: raise operationTimeout"
                + " or lower timeout", e.getMessage());
    }

    private DnsTimeoutException timesOut(Runnable call, Duration atLeast, Duration bound) {
        long start = System.nanoTime();
        DnsTimeoutException e = assertThrows(DnsTimeoutException.class, call::run);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(atLeast.minusMillis(50)) >= 0, "waited " + took + ", less than " + atLeast);
        assertTrue(took.compareTo(bound.plus(SLACK)) < 0, "took " + took + " for a bound of " + bound);
        assertTrue(e.isTransient(), "transient for the engine's retry");
        return e;
    }

    private void assertNamesTheWait(DnsTimeoutException e, String wait) {
        assertTrue(e.getMessage().contains(hole.label()), e.getMessage());
        assertTrue(e.getMessage().contains(wait), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    private Rfc2136Switcher switcher(Duration timeout, Duration operationTimeout) {
        return builder(timeout, operationTimeout).build();
    }

    private Rfc2136Switcher.Builder builder(Duration timeout, Duration operationTimeout) {
        return Rfc2136Switcher.builder().zone("example.test.").server(hole.host(), hole.port())
                .tsig("sitemove-key.", "hmac-sha256", Secret.of(SECRET)).timeout(timeout)
                .operationTimeout(operationTimeout);
    }
}
