package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secondary BIND serves the primary's zone by transfer, and follows its changes when notified. */
@WithTestkit(ssh = false, mariaDb = false, dnsSecondary = true)
class TestkitDnsSecondaryIT {

    private final DnsServer primary;
    private final DnsServer secondary;

    TestkitDnsSecondaryIT(Testkit testkit) {
        this.primary = testkit.dns();
        this.secondary = testkit.dnsSecondary();
    }

    @Test
    void theSecondaryIsAnotherServerForTheSameZoneWithTheSameKey() {
        assertEquals(primary.host(), secondary.host());
        assertNotEquals(primary.port(), secondary.port());
        assertEquals(List.of(primary.zone(), primary.tsigKeyName(), primary.tsigAlgorithm(), primary.tsigSecret()),
                List.of(secondary.zone(), secondary.tsigKeyName(), secondary.tsigAlgorithm(), secondary.tsigSecret()));
        assertNotEquals(primary.zoneFile(), secondary.zoneFile());
    }

    @Test
    void theSecondaryAnswersAuthoritativelyWithTheZoneItTransferred() {
        assertEquals(dig(primary, "example.test.", "SOA"), dig(secondary, "example.test.", "SOA"));
        assertEquals("127.0.0.2", dig(secondary, "site.example.test.", "A"));
        assertEquals("ns1.example.test.", dig(secondary, "example.test.", "NS"));
        assertTrue(SecondaryDns.soaFlags(secondary).contains(" aa"), SecondaryDns.soaFlags(secondary));
        assertTrue(Files.exists(secondary.zoneFile()), "the secondary keeps its copy at " + secondary.zoneFile());
    }

    @Test
    void afterAnUpdateOnThePrimaryTheNotifiedSecondaryServesTheNewSerial() {
        long before = SecondaryDns.serial(secondary);

        SecondaryDns.nsupdate(primary, "update delete notified.example.test. A",
                "update add notified.example.test. 60 A 127.0.0.3");
        long serial = SecondaryDns.serial(primary);

        assertTrue(serial > before, serial + " after " + before);
        assertEquals(serial, SecondaryDns.awaitSerial(secondary, serial));
        assertEquals("127.0.0.3", dig(secondary, "notified.example.test.", "A"));
    }

    @Test
    void theSecondaryRefusesUpdates() {
        String script = "server " + secondary.host() + " " + secondary.port() + "\nzone " + secondary.zone()
                + "\nupdate add refused.example.test. 60 A 127.0.0.9\nsend\n";
        Commands.Result result = Commands.execute(List.of("nsupdate", "-y", secondary.tsigAlgorithm() + ":"
                + secondary.tsigKeyName() + ":" + secondary.tsigSecret()), script, java.time.Duration.ofSeconds(20));

        assertNotEquals(0, result.exitCode(), result.output());
        assertEquals("", dig(primary, "refused.example.test.", "A"));
    }

    private static String dig(DnsServer server, String name, String type) {
        return SecondaryDns.dig(server, name, type);
    }
}
