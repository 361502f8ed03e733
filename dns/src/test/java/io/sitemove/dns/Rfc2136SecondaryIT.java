package io.sitemove.dns;

import static io.sitemove.dns.DnsTools.SITE;
import static io.sitemove.dns.DnsTools.WWW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Propagation on the testkit's real primary and its real secondary, which the primary notifies of
 * every change; and recursive resolvers, reported but never required.
 */
@WithTestkit(ssh = false, mariaDb = false, dnsSecondary = true)
class Rfc2136SecondaryIT {
    private static final TestContext CTX = DnsTools.SITE_AND_WWW;

    private final DnsServer primary;
    private final DnsServer secondary;
    private final DnsTools onSecondary;

    Rfc2136SecondaryIT(Testkit kit) {
        this.primary = kit.dns();
        this.secondary = kit.dnsSecondary();
        this.onSecondary = new DnsTools(secondary);
    }

    @Test
    void afterASwitchBothServersAgreeAndEachIsNamedWithItsSerial() {
        Rfc2136Switcher switcher = onBothServers().build();
        List<DnsRecord> before = switcher.read(CTX);
        DnsApplyResult result = switcher.apply(CTX, new DnsChange(before, CTX.switchTo()));
        try {
            Propagation p = switcher.awaitPropagation(CTX, CTX.switchTo(), Duration.ofSeconds(10));

            assertTrue(p.complete(), p.toString());
            String agreed = "serial " + result.serial() + ", " + SITE + " 300 A 127.0.0.3, " + WWW + " 300 A 127.0.0.3";
            assertEquals(Map.of(primaryLabel(), agreed, secondaryLabel(), agreed), p.answers());
            assertEquals(List.of(SITE + " 300 IN A 127.0.0.3"), onSecondary.dig(SITE, "A"));
        } finally {
            DnsApplyResult reverted = switcher.apply(CTX, new DnsChange(CTX.switchTo(), before));
            assertEquals(reverted.serial(), onSecondary.awaitSerial(reverted.serial()));
        }
    }

    @Test
    void resolversAreReportedAfterTheServersButNeverRequired() {
        int nothingListens = freeUdpPort();
        Rfc2136Switcher switcher = onBothServers().timeout(Duration.ofSeconds(1))
                .publicResolvers(List.of(new InetSocketAddress(primary.host(), primary.port()),
                        new InetSocketAddress(primary.host(), nothingListens)))
                .build();
        List<DnsRecord> current = switcher.read(CTX);

        Propagation p = switcher.awaitPropagation(CTX, current, Duration.ofSeconds(10));

        assertTrue(p.complete(), p.toString());
        assertEquals(4, p.answers().size(), p.toString());
        assertEquals(SITE + " 300 A 127.0.0.2, " + WWW + " 300 A 127.0.0.2",
                p.answers().get("resolver " + primary.host() + ":" + primary.port()));
        String unreachable = p.answers().get("resolver " + primary.host() + ":" + nothingListens);
        assertTrue(unreachable.startsWith("unreachable: "), unreachable);
        assertTrue(unreachable.contains(primary.host() + ":" + nothingListens), unreachable);
    }

    private Rfc2136Switcher.Builder onBothServers() {
        return Rfc2136Switcher.builder().zone(primary.zone()).server(primary.host(), primary.port())
                .tsig(primary.tsigKeyName(), primary.tsigAlgorithm(), Secret.of(primary.tsigSecret()))
                .authoritativeServers(List.of(new InetSocketAddress(primary.host(), primary.port()),
                        new InetSocketAddress(secondary.host(), secondary.port())))
                .nameserverPort(primary.port());
    }

    private String primaryLabel() {
        return "ns1.example.test./" + primary.host() + ":" + primary.port();
    }

    private String secondaryLabel() {
        return secondary.host() + ":" + secondary.port();
    }

    private int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(primary.host()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
