package io.sitemove.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.sitemove.dns.cloudflare.CloudflareFake.API;
import static io.sitemove.dns.cloudflare.CloudflareFake.RECORDS;
import static io.sitemove.dns.cloudflare.CloudflareFake.SITE;
import static io.sitemove.dns.cloudflare.CloudflareFake.SITE_ID;
import static io.sitemove.dns.cloudflare.CloudflareFake.TOKEN;
import static io.sitemove.dns.cloudflare.CloudflareFake.answer;
import static io.sitemove.dns.cloudflare.CloudflareFake.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.sitemove.Secret;
import io.sitemove.dns.DnsPartialChangeException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.TestContext;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Within one call only a rate limit (HTTP 429) is waited out, as Cloudflare's {@code Retry-After} says,
 * a bounded number of times and for a bounded time in all; every other failure is reported at once,
 * transient or permanent, for the engine to decide (one retry layer). The waits are recorded, never slept.
 */
class CloudflareRetryTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final TestContext CTX = new TestContext(List.of(DnsRecord.a(SITE, 300, "192.0.2.9")));

    private final CloudflareFake fake = new CloudflareFake(wm);

    @Test
    void aRateLimitedCallIsTriedAgainAfterRetryAfter() {
        zoneLookupLimitedOnce(answer(429, "error-rate-limited.json").withHeader("Retry-After", "3"));

        List<DnsRecord> read = fake.switcher().build().read(CTX);

        assertEquals(List.of(DnsRecord.a(SITE, 300, "192.0.2.1")), read);
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/zones")));
        assertEquals(List.of(Duration.ofSeconds(3)), fake.waits);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() {
        zoneLookupLimitedOnce(answer(429, "error-rate-limited.json").withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));
        Clock now = Clock.fixed(Instant.parse("2026-10-21T07:27:30Z"), ZoneOffset.UTC);

        fake.switcher().clock(now).build().read(CTX);

        assertEquals(List.of(Duration.ofSeconds(30)), fake.waits);
    }

    @Test
    void retryAfterIsHonouredUpToTheConfiguredLongestWait() {
        zoneLookupLimitedOnce(answer(429, "error-rate-limited.json").withHeader("Retry-After", "300"));

        fake.switcher().maxRetryWait(Duration.ofSeconds(5)).build().read(CTX);

        assertEquals(List.of(Duration.ofSeconds(5)), fake.waits);
    }

    @Test
    void aRateLimitThatLastsPastMaxRetriesIsATransientFailure() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).willReturn(answer(429, "error-rate-limited.json")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class,
                () -> fake.switcher().maxRetries(2).build().read(CTX));

        assertTrue(e.isTransient());
        assertEquals(429, e.httpStatus());
        assertTrue(e.getMessage().contains("after 2 retries"), e.getMessage());
        wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/zones")));
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), fake.waits,
                "without Retry-After the waits back off exponentially");
    }

    @Test
    void oneCallWaitsForRateLimitsAtMostTheLongestWaitInAll() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones"))
                .willReturn(answer(429, "error-rate-limited.json").withHeader("Retry-After", "40")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class, () -> fake.switcher().build().read(CTX));

        assertTrue(e.isTransient());
        assertEquals(List.of(Duration.ofSeconds(40), Duration.ofSeconds(20)), fake.waits,
                "60 s in all by default: the second wait is what is left");
        wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/zones")));
    }

    @Test
    void byDefaultARateLimitedCallIsSentAtMostThreeTimes() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones"))
                .willReturn(answer(429, "error-rate-limited.json").withHeader("Retry-After", "1")));

        assertThrows(CloudflareApiException.class, () -> CloudflareSwitcher.builder().apiToken(Secret.of(TOKEN))
                .zone("example.com.").baseUrl(URI.create(wm.baseUrl() + API)).sleeper(fake.waits::add).build().read(CTX));

        wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/zones")));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), fake.waits);
    }

    @Test
    void aServerErrorIsNotTriedAgainHereButReportedTransient() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(503, "error-internal.json")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class, () -> fake.switcher().build().read(CTX));

        assertTrue(e.isTransient(), "the engine may try the step again");
        assertEquals(503, e.httpStatus());
        wm.verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
        assertTrue(fake.waits.isEmpty(), fake.waits.toString());
    }

    @Test
    void aDroppedConnectionIsNotTriedAgainHereButReportedTransient() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DnsTimeoutException e = assertThrows(DnsTimeoutException.class, () -> fake.switcher().build().read(CTX));

        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("cannot reach Cloudflare's API"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        wm.verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
        assertTrue(fake.waits.isEmpty(), fake.waits.toString());
    }

    @Test
    void aClientErrorOtherThan429IsNotTriedAgain() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(400, "error-ttl.json").withHeader("Retry-After", "1")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class, () -> fake.switcher().build().read(CTX));

        assertFalse(e.isTransient());
        assertEquals(400, e.httpStatus());
        wm.verify(1, getRequestedFor(urlPathEqualTo(RECORDS)));
        assertTrue(fake.waits.isEmpty(), fake.waits.toString());
    }

    @Test
    void aRefusedTokenIsAPermanentFailureThatNeverShowsTheToken() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).willReturn(answer(401, "error-auth.json")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class, () -> fake.switcher().build().read(CTX));

        assertFalse(e.isTransient());
        assertTrue(e.isAuthenticationFailure());
        assertEquals(List.of(10000), e.errorCodes());
        assertTrue(e.getMessage().startsWith("API token refused: check the token and its Zone.DNS edit permission"),
                e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        wm.verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void anAuthenticationErrorCodeIsARefusedTokenWhateverTheStatus() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).willReturn(answer(400, "error-token-invalid.json")));

        CloudflareApiException e = assertThrows(CloudflareApiException.class, () -> fake.switcher().build().read(CTX));

        assertTrue(e.isAuthenticationFailure());
        assertTrue(e.getMessage().contains("API token refused") && e.getMessage().contains("9109"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void anotherRefusalIsPermanentWithCloudflaresCodesAndMessages() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));
        wm.stubFor(put(urlEqualTo(RECORDS + "/" + SITE_ID)).willReturn(answer(400, "error-ttl.json")));
        List<DnsRecord> before = List.of(DnsRecord.a(SITE, 300, "192.0.2.1"));

        DnsPartialChangeException e = assertThrows(DnsPartialChangeException.class, () -> fake.switcher().build().apply(CTX,
                new DnsChange(before, CTX.switchTo())));

        CloudflareApiException cause = assertInstanceOf(CloudflareApiException.class, e.getCause());
        assertEquals(400, cause.httpStatus());
        assertEquals(List.of(9021), cause.errorCodes());
        assertFalse(cause.isTransient());
        assertTrue(e.getMessage().contains("9021 TTL must be between 60 and 86400 seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing had been applied before"), e.getMessage());
        wm.verify(1, putRequestedFor(anyUrl()));
    }

    @Test
    void aCreationThatFailedOnTheServerIsNotSentTwice() {
        fake.zone();
        fake.stub(list("new.example.com", "A").willReturn(answer(200, "list-empty.json")));
        wm.stubFor(post(urlEqualTo(RECORDS)).willReturn(answer(500, "error-internal.json")));
        DnsRecord created = DnsRecord.a("new.example.com.", 300, "192.0.2.9");

        DnsPartialChangeException e = assertThrows(DnsPartialChangeException.class, () -> fake.switcher().build()
                .apply(new TestContext(List.of(created)), new DnsChange(List.of(), List.of(created))));

        wm.verify(1, postRequestedFor(urlEqualTo(RECORDS)));
        assertTrue(e.isTransient(), "read back as before, so trying again is safe");
        assertTrue(e.getMessage().contains("The records are as before the change"), e.getMessage());
    }

    /** The zone lookup answers {@code limited} once, then the zone; the site's records are listed. */
    private void zoneLookupLimitedOnce(ResponseDefinitionBuilder limited) {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(limited).willSetStateTo("open"));
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(answer(200, "zones-example.com.json")));
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));
    }
}
