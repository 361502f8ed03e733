package io.sitemove.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zone's size by a signed zone transfer from the testkit's real BIND, checked against dig's. */
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class Rfc2136ZoneSizeIT {
    private static final TestContext CTX = new TestContext(List.of());
    private static final String WRONG_SECRET = Base64.getEncoder().encodeToString(
            "a-key-the-server-does-not-have-0".getBytes(StandardCharsets.US_ASCII));

    private final DnsServer dns;
    private final DnsTools tools;

    Rfc2136ZoneSizeIT(Testkit kit) {
        this.dns = kit.dns();
        this.tools = new DnsTools(dns);
    }

    @Test
    void countsTheRecordsOfTheZoneAsDigsTransferShowsThemWithoutTheSoa() {
        long count = tools.switcher().zoneRecordCount(CTX).orElseThrow();

        assertEquals(tools.axfrCount(), count);
        assertEquals(4, count, "NS, ns1 A, site A, www.site A");

        tools.nsupdate("update add size.example.test. 60 A 127.0.0.5", "update add size.example.test. 60 A 127.0.0.6",
                "update add size.example.test. 60 TXT \"counted\"");
        try {
            long grown = tools.switcher().zoneRecordCount(CTX).orElseThrow();
            assertEquals(tools.axfrCount(), grown);
            assertEquals(7, grown);
        } finally {
            tools.nsupdate("update delete size.example.test.");
        }
    }

    @Test
    void aTransferWithAKeyTheServerDoesNotHaveFailsWithoutShowingTheSecret() {
        DnsException e = assertThrows(DnsException.class, () -> tools.switcher(WRONG_SECRET).zoneRecordCount(CTX));

        assertFalse(e instanceof DnsTimeoutException, e.toString());
        assertFalse(e.isTransient(), e.getMessage());
        assertTrue(e.getMessage().contains(dns.host() + ":" + dns.port()), e.getMessage());
        assertTrue(e.getMessage().contains("zone transfer (AXFR) of zone example.test."), e.getMessage());
        assertTrue(e.getMessage().contains("allow-transfer"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(dns.tsigSecret()), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerIsATransientFailure() {
        Rfc2136Switcher nowhere = Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), freeTcpPort())
                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), Secret.of(dns.tsigSecret())).build();

        DnsTimeoutException e = assertThrows(DnsTimeoutException.class, () -> nowhere.zoneRecordCount(CTX));

        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("did not complete"), e.getMessage());
    }

    private int freeTcpPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(dns.host()))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
