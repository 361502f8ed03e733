package io.sitemove.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.sitemove.dns.cloudflare.CloudflareFake.RECORDS;
import static io.sitemove.dns.cloudflare.CloudflareFake.SITE;
import static io.sitemove.dns.cloudflare.CloudflareFake.SITE_ID;
import static io.sitemove.dns.cloudflare.CloudflareFake.WWW;
import static io.sitemove.dns.cloudflare.CloudflareFake.WWW_ID_1;
import static io.sitemove.dns.cloudflare.CloudflareFake.answer;
import static io.sitemove.dns.cloudflare.CloudflareFake.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.sitemove.dns.DnsPartialChangeException;
import io.sitemove.dns.TestContext;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cloudflare changes one record per call: when a later call of a change fails, the earlier ones are
 * undone and the failure says what was applied, what was reverted and what, if anything, is left changed.
 */
class CloudflarePartialChangeTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final TestContext CTX = CloudflareFake.SITE_AND_WWW;
    private static final List<DnsRecord> BEFORE = List.of(DnsRecord.a(SITE, 300, "192.0.2.1"),
            DnsRecord.a(WWW, 300, "192.0.2.1"), DnsRecord.a(WWW, 300, "192.0.2.2"));
    private static final String SITE_AS_IT_WAS = "{\"type\":\"A\",\"name\":\"site.example.com\",\"content\":\"192.0.2.1\","
            + "\"ttl\":1,\"proxied\":false}";

    private final CloudflareFake fake = new CloudflareFake(wm);

    @Test
    void whenTheSecondCallIsRefusedTheFirstIsRevertedAndTheFailureSaysSo() {
        given(answer(200, "record-overwritten.json"), answer(400, "error-ttl.json"));

        DnsPartialChangeException e = assertThrows(DnsPartialChangeException.class,
                () -> fake.switcher().build().apply(CTX, new DnsChange(BEFORE, CTX.switchTo())));

        assertEquals(400, assertInstanceOf(CloudflareApiException.class, e.getCause()).httpStatus());
        assertEquals(2, e.calls().failedAt());
        assertEquals(3, e.calls().total());
        assertEquals(1, e.calls().applied().size());
        assertEquals(List.of("put back site.example.com. 300 IN A 192.0.2.1 (id " + SITE_ID + ")"), e.calls().reverted());
        assertEquals(List.of(), e.calls().notReverted());
        assertEquals(BEFORE, e.before());
        assertFalse(e.leftChanged());
        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + SITE_ID))
                .withRequestBody(matchingJsonPath("$.content", equalTo("192.0.2.9"))));
        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + SITE_ID)).withRequestBody(equalToJson(SITE_AS_IT_WAS)));
        wm.verify(0, deleteRequestedFor(anyUrl()));
        String m = e.getMessage();
        assertTrue(m.contains("failed at call 2 of 3 (overwrite www.example.com. 300 IN A 192.0.2.1 with"
                + " www.example.com. 300 IN A 192.0.2.9"), m);
        assertTrue(m.contains("9021 TTL must be between"), m);
        assertTrue(m.contains("Applied before the failure: [overwrite site.example.com. 300 IN A 192.0.2.1 with"
                + " site.example.com. 300 IN A 192.0.2.9 (id " + SITE_ID + ")]"), m);
        assertTrue(m.contains("reverted: [put back site.example.com. 300 IN A 192.0.2.1 (id " + SITE_ID + ")]"), m);
        assertTrue(m.contains("The records are as before the change"), m);
        assertFalse(e.isTransient(), "the refusal is permanent");
    }

    @Test
    void aServerErrorOnTheSecondCallIsNotRetriedHereTheFirstIsRevertedAndTryingAgainIsSafe() {
        given(answer(200, "record-overwritten.json"), answer(500, "error-internal.json"));

        DnsPartialChangeException e = assertThrows(DnsPartialChangeException.class,
                () -> fake.switcher().build().apply(CTX, new DnsChange(BEFORE, CTX.switchTo())));

        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + WWW_ID_1)));
        assertTrue(fake.waits.isEmpty(), "nothing waited: the engine retries the step");
        assertTrue(assertInstanceOf(CloudflareApiException.class, e.getCause()).isTransient());
        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + SITE_ID)).withRequestBody(equalToJson(SITE_AS_IT_WAS)));
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.getMessage().contains("The records are as before the change"), e.getMessage());
        assertTrue(e.isTransient());
    }

    @Test
    void whenTheRevertFailsTooTheFailureSaysExactlyWhatIsLeftChanged() {
        given(answer(200, "record-overwritten.json"), answer(400, "error-ttl.json"));
        wm.stubFor(put(urlEqualTo(RECORDS + "/" + SITE_ID)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.content", equalTo("192.0.2.1")))
                .willReturn(answer(500, "error-internal.json")));

        DnsPartialChangeException e = assertThrows(DnsPartialChangeException.class,
                () -> fake.switcher().build().apply(CTX, new DnsChange(BEFORE, CTX.switchTo())));

        assertTrue(e.leftChanged());
        assertEquals(1, e.calls().notReverted().size());
        assertEquals(List.of(DnsRecord.a(SITE, 300, "192.0.2.9"), DnsRecord.a(WWW, 300, "192.0.2.1"),
                DnsRecord.a(WWW, 300, "192.0.2.2")), e.now().orElseThrow());
        String m = e.getMessage();
        assertTrue(m.contains("REVERT FAILED for: [put back site.example.com. 300 IN A 192.0.2.1"), m);
        assertTrue(m.contains("LEFT CHANGED: they are now [site.example.com. 300 IN A 192.0.2.9, www.example.com. 300"
                + " IN A 192.0.2.1, www.example.com. 300 IN A 192.0.2.2]"), m);
        assertTrue(m.contains("set them back in Cloudflare's dashboard or API"), m);
        assertFalse(e.isTransient());
    }

    /** The zone with site and www as before; site's overwrite answers {@code first}, www's first overwrite {@code second}. */
    private void given(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
        fake.zone();
        fake.siteListedAsBeforeUntilSwitched();
        fake.stub(put(urlEqualTo(RECORDS + "/" + SITE_ID)).inScenario("site").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.content", equalTo("192.0.2.9")))
                .willReturn(first).willSetStateTo("switched"));
        fake.stub(put(urlEqualTo(RECORDS + "/" + SITE_ID)).inScenario("site").whenScenarioStateIs("switched")
                .withRequestBody(matchingJsonPath("$.content", equalTo("192.0.2.1")))
                .willReturn(answer(200, "record-overwritten.json")).willSetStateTo(Scenario.STARTED));
        fake.stub(list("www.example.com", "A").willReturn(answer(200, "list-www-before.json")));
        fake.stub(put(urlEqualTo(RECORDS + "/" + WWW_ID_1)).willReturn(second));
    }
}
