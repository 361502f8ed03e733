package io.sitemove.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.sitemove.Secret;
import io.sitemove.dns.TestContext;
import io.sitemove.spi.DnsRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cloudflare's v4 API played by WireMock with answers of the shapes its documentation gives
 * (bodies in test resources under {@code cloudflare/}), and a switcher pointed at it whose waits
 * between retries are recorded instead of slept.
 */
final class CloudflareFake {
    static final String TOKEN = "cf-test-token-Zq8vW3xY7pL2";
    static final String ZONE_ID = "3f6c1d2e8a9b4c7d5e0f1a2b3c4d5e6f";
    static final String API = "/client/v4";
    static final String RECORDS = API + "/zones/" + ZONE_ID + "/dns_records";
    static final String SITE_ID = "5a1e00000000000000000000000000a1";
    static final String WWW_ID_1 = "7a7a00000000000000000000000000b1";
    static final String WWW_ID_2 = "7a7a00000000000000000000000000b2";
    static final String SITE = "site.example.com.";
    static final String WWW = "www.example.com.";
    /** Switches site and www, each now 192.0.2.1 (www also .2), to 192.0.2.9. */
    static final TestContext SITE_AND_WWW = new TestContext(List.of(DnsRecord.a(SITE, 300, "192.0.2.9"),
            DnsRecord.a(WWW, 300, "192.0.2.9")));

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final WireMockExtension wm;

    CloudflareFake(WireMockExtension wm) {
        this.wm = wm;
    }

    /** A switcher for zone example.com. at the fake, with 5 rate-limit retries and recorded waits. */
    CloudflareSwitcher.Builder switcher() {
        return CloudflareSwitcher.builder().apiToken(Secret.of(TOKEN)).zone("example.com.")
                .baseUrl(URI.create(wm.baseUrl() + API)).timeout(Duration.ofSeconds(5)).maxRetries(5)
                .sleeper(waits::add);
    }

    /** A test resource's text. */
    static String json(String name) {
        try (InputStream in = CloudflareFake.class.getResourceAsStream("/cloudflare/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource cloudflare/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer with the resource's body. */
    static ResponseDefinitionBuilder answer(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json(resource));
    }

    /** The zone lookup by name answers the zone. */
    void zone() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).withQueryParam("name", equalTo("example.com"))
                .willReturn(answer(200, "zones-example.com.json")));
    }

    /** The list of one RRset's first page. */
    static MappingBuilder list(String name, String type) {
        return get(urlPathEqualTo(RECORDS)).withQueryParam("name", equalTo(name)).withQueryParam("type", equalTo(type))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("1"));
    }

    /**
     * The list of site's A records answers it as before (192.0.2.1) until scenario "site" is in state
     * "switched", then as after (192.0.2.9).
     */
    void siteListedAsBeforeUntilSwitched() {
        stub(list("site.example.com", "A").inScenario("site").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(200, "list-site-before.json")));
        stub(list("site.example.com", "A").inScenario("site").whenScenarioStateIs("switched")
                .willReturn(answer(200, "list-site-after.json")));
    }

    void stub(MappingBuilder mapping) {
        wm.stubFor(mapping);
    }
}
