package io.sitemove.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sitemove.Secret;
import io.sitemove.dns.TestContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The propagation check asks real authoritative servers: the testkit's BIND plays the zone's
 * Cloudflare name servers (it serves site.example.test. A 127.0.0.2, TTL 300).
 */
@WithTestkit(ssh = false, mariaDb = false, dns = true)
class CloudflarePropagationIT {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SITE = "site.example.test.";

    private final DnsServer dns;

    CloudflarePropagationIT(Testkit kit) {
        this.dns = kit.dns();
    }

    @Test
    void theRecordsTheServerAnswersAreComplete() {
        List<DnsRecord> served = List.of(DnsRecord.a(SITE, 300, "127.0.0.2"));

        Propagation p = configured().awaitPropagation(new TestContext(served), served, Duration.ofSeconds(10));

        assertTrue(p.complete(), p.answers().toString());
        String label = dns.host() + ":" + dns.port();
        assertEquals(List.of(label), List.copyOf(p.answers().keySet()));
        assertTrue(p.answers().get(label).contains(SITE + " 300 A 127.0.0.2"), p.answers().toString());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void otherRecordsAreIncompleteWhenTheTimeoutPasses() {
        List<DnsRecord> expected = List.of(DnsRecord.a(SITE, 300, "127.0.0.9"));

        Propagation p = configured().awaitPropagation(new TestContext(expected), expected, Duration.ofMillis(600));

        assertFalse(p.complete());
        String answer = p.answers().values().iterator().next();
        assertTrue(answer.contains("127.0.0.2 (expected " + SITE + " 300 A 127.0.0.9)"), answer);
    }

    @Test
    void withoutConfiguredServersTheZoneNameServersFromTheApiAreAsked() {
        wm.stubFor(get(urlPathEqualTo("/client/v4/zones")).withQueryParam("name", equalTo("example.test"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(CloudflareFake.json("zones-example.test.json").replace("NAME_SERVER", dns.host()))));
        CloudflareSwitcher switcher = CloudflareSwitcher.builder().apiToken(Secret.of(CloudflareFake.TOKEN))
                .zone(dns.zone()).baseUrl(URI.create(wm.baseUrl() + "/client/v4")).nameserverPort(dns.port())
                .timeout(Duration.ofSeconds(2)).build();
        List<DnsRecord> served = List.of(DnsRecord.a(SITE, 300, "127.0.0.2"));

        Propagation p = switcher.awaitPropagation(new TestContext(served), served, Duration.ofSeconds(10));

        assertTrue(p.complete(), p.answers().toString());
        assertEquals(List.of(dns.host() + "./" + dns.host() + ":" + dns.port()), List.copyOf(p.answers().keySet()));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/client/v4/zones")));
    }

    private CloudflareSwitcher configured() {
        return CloudflareSwitcher.builder().apiToken(Secret.of(CloudflareFake.TOKEN)).zone(dns.zone())
                .baseUrl(URI.create(wm.baseUrl() + "/client/v4"))
                .authoritativeServers(List.of(new InetSocketAddress(dns.host(), dns.port())))
                .timeout(Duration.ofSeconds(2)).build();
    }
}
