package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.DnsConflictException;
import io.sitemove.Secret;
import io.sitemove.dns.DnsUpdateException;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * The server side of the compare-and-swap: updates built from stale records are refused by the real BIND
 * (without the re-read the switcher does first), and a wrong key on an update is reported, not ignored.
 */
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class UpdatePrerequisitesIT {
    private final DnsServer dns;

    UpdatePrerequisitesIT(Testkit kit) {
        this.dns = kit.dns();
    }

    @Test
    void aStaleValueFailsTheRRsetExistsPrerequisite() {
        Primary primary = primary(dns.tsigSecret());
        DnsChange stale = new DnsChange(List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.42")),
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.3")));

        DnsConflictException e = assertThrows(DnsConflictException.class, () -> send(primary, stale));

        assertTrue(e.getMessage().contains("refused the update (NXRRSET)"), e.getMessage());
        assertTrue(e.getMessage().contains("compare-and-swap failed"), e.getMessage());
        assertEquals(stale.before(), e.expected());
        assertEquals(List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2")), e.found(), "read again after the refusal");
        assertEquals(List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2")),
                primary.readSet(new RRsetKey("site.example.test.", "A")));
    }

    @Test
    void anRRsetThatAppearedFailsTheDoesNotExistPrerequisite() {
        Primary primary = primary(dns.tsigSecret());
        DnsChange create = new DnsChange(List.of(), List.of(DnsRecord.a("www.site.example.test.", 300, "127.0.0.3")));

        DnsConflictException e = assertThrows(DnsConflictException.class, () -> send(primary, create));

        assertTrue(e.getMessage().contains("refused the update (YXRRSET)"), e.getMessage());
        assertEquals(List.of(), e.expected());
        assertEquals(List.of(DnsRecord.a("www.site.example.test.", 300, "127.0.0.2")), e.found());
        assertEquals(List.of(DnsRecord.a("www.site.example.test.", 300, "127.0.0.2")),
                primary.readSet(new RRsetKey("www.site.example.test.", "A")));
    }

    @Test
    void aWrongKeyOnAnUpdateIsATsigRejection() {
        Primary primary = primary("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        DnsChange change = new DnsChange(List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2")),
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.3")));

        DnsUpdateException e = assertThrows(DnsUpdateException.class, () -> send(primary, change));

        assertEquals(Rcode.NOTAUTH, e.rcode());
        assertEquals(Rcode.BADSIG, e.tsigError());
        assertTrue(e.getMessage().contains("TSIG key sitemove-key."), e.getMessage());
        assertEquals(List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2")),
                primary(dns.tsigSecret()).readSet(new RRsetKey("site.example.test.", "A")));
    }

    private static void send(Primary primary, DnsChange change) {
        Message response = primary.exchange(new UpdateBuilder(primary.scope()).build(change), "a test update", true);
        List<RRsetKey> sets = UpdateBuilder.sets(change);
        UpdateOutcome.require(response, "zone " + primary.scope() + " at " + primary.label(), primary.keyLabel(),
                change.before(), () -> primary.read(sets));
    }

    private Primary primary(String secret) {
        Name key = Records.name(dns.tsigKeyName());
        return new Primary(dns.host(), dns.port(), new ZoneScope(Records.name(dns.zone())), key,
                Tsigs.algorithm(dns.tsigAlgorithm()), Tsigs.decode(key.toString(), Secret.of(secret)), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }
}
