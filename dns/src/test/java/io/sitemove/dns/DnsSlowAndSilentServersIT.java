package io.sitemove.dns;

import static io.sitemove.dns.DnsTools.SITE;
import static io.sitemove.dns.DnsTools.WWW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounds that hold against the testkit's real BIND: a primary that answers every query, but each
 * late, fails at the operation's deadline instead of taking as long as its queries add up to; a
 * secondary and a resolver that never answer leave a propagation check that ends within its timeout,
 * reporting them. Each test measures the time itself.
 */
@FaultTest
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class DnsSlowAndSilentServersIT {
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final TestContext FOUR_SETS = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3"),
            DnsRecord.a(WWW, 300, "127.0.0.3"), new DnsRecord(SITE, "AAAA", 300, "::1"),
            new DnsRecord(WWW, "AAAA", 300, "::1")));

    private final DnsServer dns;
    private final DnsTools tools;

    DnsSlowAndSilentServersIT(Testkit kit) {
        this.dns = kit.dns();
        this.tools = new DnsTools(dns);
    }

    @Test
    void aPrimaryThatAnswersEveryQueryLateFailsAtTheOperationDeadline() throws IOException {
        try (SlowTcpProxy slow = new SlowTcpProxy(dns.host(), dns.port(), 700)) {
            Rfc2136Switcher bounded = through(slow).timeout(Duration.ofSeconds(1))
                    .operationTimeout(Duration.ofSeconds(2)).build();
            long start = System.nanoTime();

            DnsTimeoutException e = assertThrows(DnsTimeoutException.class, () -> bounded.read(FOUR_SETS));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(1950)) >= 0, "waited until the deadline: " + took);
            assertTrue(took.compareTo(Duration.ofSeconds(2).plus(SLACK)) < 0, "took " + took + " for a 2 s deadline");
            assertTrue(e.isTransient());
            assertTrue(e.getMessage().contains(slow.host() + ":" + slow.port()), e.getMessage());
            assertTrue(e.getMessage().contains("operation's deadline of 2 s"), e.getMessage());
            assertFalse(e.getMessage().contains(dns.tsigSecret()), e.getMessage());

            Rfc2136Switcher patient = through(slow).timeout(Duration.ofSeconds(1))
                    .operationTimeout(Duration.ofSeconds(10)).build();
            assertEquals(List.of(DnsRecord.a(SITE, 300, "127.0.0.2"), DnsRecord.a(WWW, 300, "127.0.0.2")),
                    patient.read(FOUR_SETS), "each answer came within the timeout: only the deadline cut the read");
        }
        assertEquals(List.of(SITE + " 300 IN A 127.0.0.2"), tools.dig(SITE, "A"));
    }

    @Test
    void aSilentSecondaryAndResolverAreReportedAndTheCheckEndsWithinItsBound() throws IOException {
        try (BlackHoleDns secondary = new BlackHoleDns(); BlackHoleDns resolver = new BlackHoleDns()) {
            Rfc2136Switcher switcher = direct().timeout(Duration.ofSeconds(1))
                    .authoritativeServers(List.of(new InetSocketAddress(dns.host(), dns.port()), secondary.address()))
                    .publicResolvers(List.of(resolver.address())).build();
            List<DnsRecord> current = switcher.read(DnsTools.SITE_AND_WWW);
            long start = System.nanoTime();

            Propagation p = switcher.awaitPropagation(DnsTools.SITE_AND_WWW, current, Duration.ofSeconds(3));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(p.complete(), p.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) >= 0, "asked until the timeout: " + took);
            assertTrue(took.compareTo(Duration.ofSeconds(3 + 1).plus(SLACK)) < 0,
                    "took " + took + " for a check of 3 s and answers of 1 s");
            String silent = p.answers().get(secondary.label());
            assertTrue(silent.startsWith("no answer from " + secondary.label()), p.toString());
            String unanswered = p.answers().get("resolver " + resolver.label());
            assertTrue(unanswered.startsWith("unreachable: no answer from " + resolver.label()), p.toString());
            assertEquals("serial " + tools.serial() + ", " + SITE + " 300 A 127.0.0.2, " + WWW + " 300 A 127.0.0.2",
                    p.answers().get("ns1.example.test./" + dns.host() + ":" + dns.port()), p.toString());
            assertTrue(secondary.udpQueries() >= 2, "the secondary was asked again while time was left: "
                    + secondary.udpQueries());
            assertEquals(1, resolver.udpQueries(), "the resolver was asked once");
        }
    }

    private Rfc2136Switcher.Builder through(SlowTcpProxy proxy) {
        return direct().server(proxy.host(), proxy.port());
    }

    private Rfc2136Switcher.Builder direct() {
        return Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), Secret.of(dns.tsigSecret())).nameserverPort(dns.port());
    }
}
