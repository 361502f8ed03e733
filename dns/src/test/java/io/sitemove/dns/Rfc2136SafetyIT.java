package io.sitemove.dns;

import static io.sitemove.dns.DnsTools.SITE;
import static io.sitemove.dns.DnsTools.WWW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.DnsConflictException;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the switcher refuses on the testkit's real BIND: stale records and a wrong key; and its preflight. */
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class Rfc2136SafetyIT {
    private static final String WRONG_SECRET = Base64.getEncoder().encodeToString("not-the-key-the-server-has-00000"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final DnsServer dns;
    private final DnsTools tools;

    Rfc2136SafetyIT(Testkit kit) {
        this.dns = kit.dns();
        this.tools = new DnsTools(dns);
    }

    @Test
    void aChangeMadeByAnotherPartyAfterTheReadMakesApplyFailAndChangesNothing() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a(WWW, 300, "127.0.0.3")));
        Rfc2136Switcher switcher = tools.switcher();
        List<DnsRecord> read = switcher.read(ctx);
        tools.nsupdate("update delete " + WWW + " A", "update add " + WWW + " 300 A 127.0.0.7");
        long serial = tools.serial();

        DnsConflictException e = assertThrows(DnsConflictException.class,
                () -> switcher.apply(ctx, new DnsChange(read, ctx.switchTo())));

        assertTrue(e.getMessage().contains("compare-and-swap"), e.getMessage());
        assertEquals(read, e.expected());
        assertEquals(List.of(DnsRecord.a(WWW, 300, "127.0.0.7")), e.found());
        assertFalse(e.isTransient());
        assertEquals(List.of(WWW + " 300 IN A 127.0.0.7"), tools.dig(WWW, "A"));
        assertEquals(serial, tools.serial());
    }

    @Test
    void aTtlChangedByAnotherPartyIsSeenToo() {
        String name = "ttl.example.test.";
        tools.nsupdate("update add " + name + " 300 A 127.0.0.5");
        TestContext ctx = new TestContext(List.of(DnsRecord.a(name, 300, "127.0.0.6")));
        Rfc2136Switcher switcher = tools.switcher();
        List<DnsRecord> read = switcher.read(ctx);
        tools.nsupdate("update delete " + name + " A", "update add " + name + " 30 A 127.0.0.5");

        DnsConflictException e = assertThrows(DnsConflictException.class,
                () -> switcher.apply(ctx, new DnsChange(read, ctx.switchTo())));

        assertTrue(e.getMessage().contains("compare-and-swap"), e.getMessage());
        assertEquals(List.of(DnsRecord.a(name, 300, "127.0.0.5")), e.expected());
        assertEquals(List.of(DnsRecord.a(name, 30, "127.0.0.5")), e.found(), "the TTL the other party set");
        assertEquals(List.of(name + " 30 IN A 127.0.0.5"), tools.dig(name, "A"));
    }

    @Test
    void aWrongSecretIsRefusedNamingTheKeyAndNothingChanges() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3")));
        List<DnsRecord> read = tools.switcher().read(ctx);
        List<String> digBefore = tools.dig(SITE, "A");
        long serial = tools.serial();

        DnsException e = assertThrows(DnsException.class,
                () -> tools.switcher(WRONG_SECRET).apply(ctx, new DnsChange(read, ctx.switchTo())));

        assertTrue(e.getMessage().contains("TSIG key sitemove-key. (hmac-sha256.) rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("BADSIG"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(dns.tsigSecret()), e.getMessage());
        assertFalse(e.isTransient());
        assertEquals(digBefore, tools.dig(SITE, "A"));
        assertEquals(serial, tools.serial());
    }

    @Test
    void preflightPassesWithTheRightKeyAndChangesNothing() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3")));
        long serial = tools.serial();

        List<CheckResult> checks = tools.switcher().preflight(ctx, ctx);

        assertEquals(3, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(CheckResult::passed), checks.toString());
        assertTrue(checks.get(2).detail().contains(SITE), checks.toString());
        assertEquals(serial, tools.serial());
    }

    @Test
    void preflightFailsWithAWrongKeySayingWhatToFix() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3")));

        List<CheckResult> checks = tools.switcher(WRONG_SECRET).preflight(ctx, ctx);

        CheckResult key = checks.get(1);
        assertFalse(key.passed(), checks.toString());
        assertEquals("dns", key.component());
        assertTrue(key.detail().contains("sitemove-key."), key.detail());
        assertTrue(key.detail().contains("check key name, algorithm and secret"), key.detail());
        assertFalse(checks.toString().contains(WRONG_SECRET), checks.toString());
    }

    @Test
    void preflightFailsWithAnUnknownKeyName() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3")));
        Rfc2136Switcher stranger = Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                .tsig("stranger-key.", dns.tsigAlgorithm(), io.sitemove.Secret.of(dns.tsigSecret())).build();

        CheckResult key = stranger.preflight(ctx, ctx).get(1);

        assertFalse(key.passed());
        assertTrue(key.detail().contains("BADKEY"), key.detail());
    }

    @Test
    void namesOutsideTheZoneAreRefusedBeforeAnythingIsSent() {
        TestContext ctx = new TestContext(List.of(DnsRecord.a("site.example.org.", 300, "127.0.0.3")));
        DnsException e = assertThrows(DnsException.class, () -> tools.switcher().read(ctx));
        assertTrue(e.getMessage().contains("outside the zone example.test."), e.getMessage());
    }
}
