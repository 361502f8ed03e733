package io.sitemove.dns;

import static io.sitemove.dns.DnsTools.SITE;
import static io.sitemove.dns.DnsTools.WWW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Propagation with a real secondary that the primary does not notify: it keeps its old serial and
 * records until the test sends it a NOTIFY, as a secondary behind a lost NOTIFY or a firewall would.
 */
@WithTestkit(ssh = false, mariaDb = false, dnsSecondary = true, notifySecondary = false)
class Rfc2136LaggingSecondaryIT {
    private static final TestContext CTX = DnsTools.SITE_AND_WWW;

    private final Testkit kit;
    private final DnsServer primary;
    private final DnsServer secondary;
    private final DnsTools onPrimary;
    private final DnsTools onSecondary;

    Rfc2136LaggingSecondaryIT(Testkit kit) {
        this.kit = kit;
        this.primary = kit.dns();
        this.secondary = kit.dnsSecondary();
        this.onPrimary = new DnsTools(primary);
        this.onSecondary = new DnsTools(secondary);
    }

    @AfterEach
    void letTheSecondaryCatchUp() {
        kit.notifySecondary();
        long serial = onPrimary.serial();
        assertEquals(serial, onSecondary.awaitSerial(serial));
    }

    @Test
    void aLaggingSecondaryIsNamedWithItsOldSerialUntilANotifyBringsItUpToDate() {
        Rfc2136Switcher switcher = checking(List.of(primary, secondary), List.of());
        long old = onSecondary.serial();
        List<DnsRecord> before = switcher.read(CTX);
        DnsApplyResult result = switcher.apply(CTX, new DnsChange(before, CTX.switchTo()));
        try {
            Propagation lagging = switcher.awaitPropagation(CTX, CTX.switchTo(), Duration.ofSeconds(1));

            assertFalse(lagging.complete(), lagging.toString());
            assertEquals("serial " + result.serial() + ", " + SITE + " 300 A 127.0.0.3, " + WWW + " 300 A 127.0.0.3",
                    lagging.answers().get(primaryLabel()));
            assertEquals("serial " + old + " (primary has " + result.serial() + "), "
                    + SITE + " 300 A 127.0.0.2 (expected " + SITE + " 300 A 127.0.0.3), "
                    + WWW + " 300 A 127.0.0.2 (expected " + WWW + " 300 A 127.0.0.3)",
                    lagging.answers().get(secondaryLabel()));

            kit.notifySecondary();
            Propagation caughtUp = switcher.awaitPropagation(CTX, CTX.switchTo(), Duration.ofSeconds(10));

            assertTrue(caughtUp.complete(), caughtUp.toString());
            assertEquals("serial " + result.serial() + ", " + SITE + " 300 A 127.0.0.3, " + WWW + " 300 A 127.0.0.3",
                    caughtUp.answers().get(secondaryLabel()));
        } finally {
            switcher.apply(CTX, new DnsChange(CTX.switchTo(), before));
        }
    }

    @Test
    void aResolverThatLagsIsReportedButDoesNotHoldPropagationBack() {
        DnsRecord added = DnsRecord.a("lag.example.test.", 60, "127.0.0.5");
        TestContext ctx = new TestContext(List.of(added));
        Rfc2136Switcher switcher = checking(List.of(primary), List.of(secondary));
        DnsApplyResult result = switcher.apply(ctx, new DnsChange(List.of(), List.of(added)));
        try {
            Propagation p = switcher.awaitPropagation(ctx, List.of(added), Duration.ofSeconds(10));

            assertTrue(p.complete(), p.toString());
            assertEquals("serial " + result.serial() + ", lag.example.test. 60 A 127.0.0.5", p.answers().get(primaryLabel()));
            assertEquals("lag.example.test. A none (expected lag.example.test. 60 A 127.0.0.5)",
                    p.answers().get("resolver " + secondaryLabel()));
        } finally {
            switcher.apply(ctx, new DnsChange(List.of(added), List.of()));
        }
    }

    private Rfc2136Switcher checking(List<DnsServer> authoritative, List<DnsServer> resolvers) {
        Rfc2136Switcher.Builder b = Rfc2136Switcher.builder().zone(primary.zone()).server(primary.host(), primary.port())
                .tsig(primary.tsigKeyName(), primary.tsigAlgorithm(), Secret.of(primary.tsigSecret()))
                .authoritativeServers(authoritative.stream().map(s -> new InetSocketAddress(s.host(), s.port())).toList())
                .nameserverPort(primary.port());
        if (!resolvers.isEmpty()) {
            b.publicResolvers(resolvers.stream().map(s -> new InetSocketAddress(s.host(), s.port())).toList());
        }
        return b.build();
    }

    private String primaryLabel() {
        return "ns1.example.test./" + primary.host() + ":" + primary.port();
    }

    private String secondaryLabel() {
        return secondary.host() + ":" + secondary.port();
    }
}
