package io.sitemove.dns;

import static io.sitemove.dns.DnsTools.SITE;
import static io.sitemove.dns.DnsTools.WWW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads and switches records on the testkit's real BIND; every test leaves the zone's records as it found them. */
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class Rfc2136SwitcherIT {
    private static final TestContext CTX = DnsTools.SITE_AND_WWW;

    private final DnsServer dns;
    private final DnsTools tools;
    private final Rfc2136Switcher switcher;

    Rfc2136SwitcherIT(Testkit kit) {
        this.dns = kit.dns();
        this.tools = new DnsTools(dns);
        this.switcher = tools.switcher();
    }

    @Test
    void readsTheSiteRecordsFromThePrimary() {
        assertEquals(List.of(DnsRecord.a(SITE, 300, "127.0.0.2"), DnsRecord.a(WWW, 300, "127.0.0.2")), switcher.read(CTX));
        assertEquals(List.of(), switcher.read(new TestContext(List.of(DnsRecord.a("nothing.example.test.", 60, "127.0.0.9")))));
    }

    @Test
    void switchesTwoRRsetsInOneUpdateThenRevertsThem() {
        List<String> digBefore = digBoth();
        long serialBefore = tools.serial();
        List<DnsRecord> before = switcher.read(CTX);

        DnsChange change = new DnsChange(before, CTX.switchTo());
        DnsApplyResult result = switcher.apply(CTX, change);

        assertEquals(List.of(SITE + " 300 IN A 127.0.0.3", WWW + " 300 IN A 127.0.0.3"), digBoth());
        assertEquals(CTX.switchTo(), result.applied());
        assertEquals(tools.serial(), result.serial());
        assertTrue(result.serial() > serialBefore, result.serial() + " after " + serialBefore);

        DnsApplyResult reverted = switcher.apply(CTX, change.inverse());
        assertEquals(digBefore, digBoth());
        assertEquals(before, reverted.applied());
        assertTrue(reverted.serial() > result.serial());
    }

    @Test
    void lowersTheTtlThenRevertsToByteIdenticalRecords() {
        List<String> digBefore = digBoth();
        List<DnsRecord> before = switcher.read(CTX);
        List<DnsRecord> lowered = before.stream().map(r -> r.withTtl(30)).toList();

        switcher.apply(CTX, new DnsChange(before, lowered));
        assertEquals(List.of(SITE + " 30 IN A 127.0.0.2", WWW + " 30 IN A 127.0.0.2"), digBoth());

        switcher.apply(CTX, new DnsChange(lowered, before));
        assertEquals(digBefore, digBoth());
        assertEquals(List.of(SITE + " 300 IN A 127.0.0.2", WWW + " 300 IN A 127.0.0.2"), digBefore);
    }

    @Test
    void createsAndRemovesANewRRset() {
        DnsRecord shop = new DnsRecord("shop.example.test.", "CNAME", 120, "Site.Example.Test.");
        TestContext ctx = new TestContext(List.of(shop));
        assertEquals(List.of(), switcher.read(ctx));

        DnsApplyResult created = switcher.apply(ctx, new DnsChange(List.of(), List.of(shop)));
        assertEquals(List.of(shop.withValue(SITE)), created.applied());
        assertEquals(List.of("shop.example.test. 120 IN CNAME " + SITE), tools.dig("shop.example.test.", "CNAME"));

        switcher.apply(ctx, new DnsChange(created.applied(), List.of()));
        assertEquals(List.of(), tools.dig("shop.example.test.", "CNAME"));
    }

    @Test
    void switchesTxtAndMxRecordsItDeclaresAndComparesMxExchangesWhateverTheirCase() {
        assertTrue(switcher.capabilities().supports("TXT") && switcher.capabilities().supports("MX"));
        String name = "mail.example.test.";
        tools.nsupdate("update add " + name + " 300 MX 10 Ns1.Example.TEST.",
                "update add " + name + " 300 TXT \"v=spf1 -all\"");
        TestContext ctx = new TestContext(List.of(new DnsRecord(name, "MX", 300, "20 site.example.test."),
                new DnsRecord(name, "TXT", 300, "\"v=spf1 mx -all\"")));
        List<DnsRecord> before = switcher.read(ctx);
        assertEquals(List.of(new DnsRecord(name, "MX", 300, "10 ns1.example.test."),
                new DnsRecord(name, "TXT", 300, "\"v=spf1 -all\"")), before);

        DnsApplyResult switched = switcher.apply(ctx, new DnsChange(List.of(new DnsRecord(name, "MX", 300,
                "10 NS1.example.test."), before.get(1)), ctx.switchTo()));

        assertEquals(ctx.switchTo(), switched.applied());
        assertEquals(List.of(name + " 300 IN MX 20 site.example.test."), tools.dig(name, "MX"));
        assertEquals(List.of(name + " 300 IN TXT \"v=spf1 mx -all\""), tools.dig(name, "TXT"));
        switcher.apply(ctx, new DnsChange(switched.applied(), List.of()));
        assertEquals(List.of(), tools.dig(name, "MX"));
    }

    @Test
    void propagationOnTheConfiguredPrimaryCompletesAndReportsTheSerial() {
        List<DnsRecord> current = switcher.read(CTX);

        Propagation p = onThePrimary().awaitPropagation(CTX, current, Duration.ofSeconds(10));

        assertTrue(p.complete(), p.toString());
        String label = "ns1.example.test./" + dns.host() + ":" + dns.port();
        assertEquals(List.of(label), new ArrayList<>(p.answers().keySet()));
        assertEquals("serial " + tools.serial() + ", " + SITE + " 300 A 127.0.0.2, " + WWW + " 300 A 127.0.0.2",
                p.answers().get(label));
    }

    @Test
    void propagationFindsTheServersThroughTheNsRecords() {
        Rfc2136Switcher checker = Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), io.sitemove.Secret.of(dns.tsigSecret()))
                .nameserverPort(dns.port()).build();

        Propagation p = checker.awaitPropagation(CTX, switcher.read(CTX), Duration.ofSeconds(10));

        assertTrue(p.complete(), p.toString());
        assertEquals(Map.of("ns1.example.test./" + dns.host() + ":" + dns.port(), "serial " + tools.serial() + ", "
                + SITE + " 300 A 127.0.0.2, " + WWW + " 300 A 127.0.0.2"), p.answers());
    }

    @Test
    void propagationThatDoesNotHappenIsReportedIncomplete() {
        List<DnsRecord> never = List.of(DnsRecord.a(SITE, 300, "127.0.0.99"), DnsRecord.a(WWW, 60, "127.0.0.2"));

        Propagation p = onThePrimary().awaitPropagation(CTX, never, Duration.ofMillis(600));

        assertFalse(p.complete());
        String answer = p.answers().values().iterator().next();
        assertTrue(answer.contains(SITE + " 300 A 127.0.0.2 (expected " + SITE + " 300 A 127.0.0.99)"), answer);
        assertTrue(answer.contains(WWW + " 300 A 127.0.0.2 (expected " + WWW + " 60 A 127.0.0.2)"), answer);
    }

    private Rfc2136Switcher onThePrimary() {
        return Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), io.sitemove.Secret.of(dns.tsigSecret()))
                .authoritativeServers(List.of(new InetSocketAddress(dns.host(), dns.port())))
                .nameserverPort(dns.port()).build();
    }

    private List<String> digBoth() {
        List<String> lines = new ArrayList<>(tools.dig(SITE, "A"));
        lines.addAll(tools.dig(WWW, "A"));
        return lines;
    }
}
