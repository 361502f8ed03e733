package io.sitemove.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import static io.sitemove.dns.cloudflare.CloudflareFake.WWW;
import static io.sitemove.dns.cloudflare.CloudflareFake.WWW_ID_1;
import static io.sitemove.dns.cloudflare.CloudflareFake.WWW_ID_2;
import static io.sitemove.dns.cloudflare.CloudflareFake.ZONE_ID;
import static io.sitemove.dns.cloudflare.CloudflareFake.answer;
import static io.sitemove.dns.cloudflare.CloudflareFake.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.sitemove.DnsConflictException;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.TestContext;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads and switches records through Cloudflare's API as WireMock plays it: the exact requests are checked. */
class CloudflareSwitcherTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final TestContext CTX = CloudflareFake.SITE_AND_WWW;

    private static final TestContext SITE_ONLY = new TestContext(List.of(DnsRecord.a(SITE, 300, "192.0.2.9")));

    private final CloudflareFake fake = new CloudflareFake(wm);

    @Test
    void readsTwoRRsetsThenSwitchesBothWithOneCallPerRecord() {
        fake.zone();
        fake.siteListedAsBeforeUntilSwitched();
        fake.stub(put(urlEqualTo(RECORDS + "/" + SITE_ID)).inScenario("site").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(200, "record-overwritten.json")).willSetStateTo("switched"));
        fake.stub(list("www.example.com", "A").inScenario("www").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(200, "list-www-before.json")));
        fake.stub(list("www.example.com", "A").inScenario("www").whenScenarioStateIs("switched")
                .willReturn(answer(200, "list-www-after.json")));
        fake.stub(put(urlEqualTo(RECORDS + "/" + WWW_ID_1)).inScenario("www").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer(200, "record-overwritten.json")).willSetStateTo("overwritten"));
        fake.stub(delete(urlEqualTo(RECORDS + "/" + WWW_ID_2)).inScenario("www").whenScenarioStateIs("overwritten")
                .willReturn(answer(200, "deleted.json")).willSetStateTo("switched"));
        CloudflareSwitcher switcher = fake.switcher().build();

        List<DnsRecord> before = switcher.read(CTX);
        DnsApplyResult result = switcher.apply(CTX, new DnsChange(before, CTX.switchTo()));

        assertEquals(List.of(DnsRecord.a(SITE, 300, "192.0.2.1"), DnsRecord.a(WWW, 300, "192.0.2.1"),
                DnsRecord.a(WWW, 300, "192.0.2.2")), before, "Cloudflare's automatic TTL 1 reads as 300");
        assertEquals(CTX.switchTo(), result.applied());
        assertEquals(-1, result.serial());
        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + SITE_ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"type\":\"A\",\"name\":\"site.example.com\",\"content\":\"192.0.2.9\","
                        + "\"ttl\":300,\"proxied\":false}")));
        wm.verify(1, putRequestedFor(urlEqualTo(RECORDS + "/" + WWW_ID_1))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"type\":\"A\",\"name\":\"www.example.com\",\"content\":\"192.0.2.9\","
                        + "\"ttl\":300,\"proxied\":false}")));
        wm.verify(1, deleteRequestedFor(urlEqualTo(RECORDS + "/" + WWW_ID_2))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wm.verify(0, postRequestedFor(anyUrl()));
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/zones")));
        assertEquals(List.of("PUT " + SITE_ID, "PUT " + WWW_ID_1, "DELETE " + WWW_ID_2), writes());
        assertTrue(wm.getAllServeEvents().stream().allMatch(e -> ("Bearer " + TOKEN).equals(
                e.getRequest().getHeader("Authorization"))), "every call carries the token");
    }

    @Test
    void readsEveryPageOfAList() {
        fake.zone();
        fake.stub(list("www.example.com", "A").willReturn(answer(200, "list-www-page1.json")));
        fake.stub(get(urlPathEqualTo(RECORDS)).withQueryParam("name", equalTo("www.example.com"))
                .withQueryParam("page", equalTo("2")).willReturn(answer(200, "list-www-page2.json")));

        List<DnsRecord> read = fake.switcher().build().read(new TestContext(List.of(DnsRecord.a(WWW, 300, "192.0.2.9"))));

        assertEquals(List.of(DnsRecord.a(WWW, 300, "192.0.2.1"), DnsRecord.a(WWW, 300, "192.0.2.2")), read);
        wm.verify(2, getRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void refusesAChangeWhenTheRecordsChangedSinceTheyWereRead() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));
        CloudflareSwitcher switcher = fake.switcher().build();
        List<DnsRecord> readEarlier = List.of(DnsRecord.a(SITE, 300, "192.0.2.7"));

        DnsConflictException e = assertThrows(DnsConflictException.class, () -> switcher.apply(CTX,
                new DnsChange(readEarlier, List.of(DnsRecord.a(SITE, 300, "192.0.2.9")))));

        assertEquals(readEarlier, e.expected());
        assertEquals(List.of(DnsRecord.a(SITE, 300, "192.0.2.1")), e.found());
        assertTrue(e.getMessage().contains("compare-and-swap failed"), e.getMessage());
        assertTrue(e.getMessage().contains("zone example.com. at Cloudflare"), e.getMessage());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("changed since they were read"), e.getMessage());
        assertTrue(e.getMessage().contains("192.0.2.1"), e.getMessage());
        wm.verify(0, putRequestedFor(anyUrl()));
        wm.verify(0, postRequestedFor(anyUrl()));
        wm.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void looksTheZoneUpByNameOnceAndUsesItsId() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));
        fake.stub(get(urlPathEqualTo(RECORDS)).withQueryParam("per_page", equalTo("1"))
                .willReturn(answer(200, "list-count.json")));
        CloudflareSwitcher switcher = fake.switcher().build();

        switcher.read(SITE_ONLY);
        switcher.read(SITE_ONLY);
        switcher.zoneRecordCount(SITE_ONLY);

        wm.verify(1, getRequestedFor(urlEqualTo(API + "/zones?name=example.com")));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/client/v4/zones/" + ZONE_ID + "/dns_records")));
    }

    @Test
    void aZoneIdSparesTheLookupByNameButMustNameTheSameZone() {
        wm.stubFor(get(urlEqualTo(API + "/zones/" + ZONE_ID)).willReturn(answer(200, "zone-by-id.json")));
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));

        List<DnsRecord> read = fake.switcher().zoneId(ZONE_ID).build().read(SITE_ONLY);
        DnsException wrong = assertThrows(DnsException.class,
                () -> fake.switcher().zone("example.org").zoneId(ZONE_ID).build().zoneRecordCount(SITE_ONLY));

        assertEquals(List.of(DnsRecord.a(SITE, 300, "192.0.2.1")), read);
        wm.verify(0, getRequestedFor(urlPathEqualTo(API + "/zones")));
        assertTrue(wrong.getMessage().contains("is example.com., not example.org."), wrong.getMessage());
    }

    @Test
    void aZoneTheTokenCannotSeeIsNamedWithWhatToDo() {
        wm.stubFor(get(urlPathEqualTo(API + "/zones")).willReturn(answer(200, "list-empty.json")));

        DnsException e = assertThrows(DnsException.class, () -> fake.switcher().build().read(CTX));

        assertTrue(e.getMessage().contains("no Cloudflare zone named example.com. is visible to this API token"),
                e.getMessage());
    }

    @Test
    void countsTheZoneRecordsFromTheListTotal() {
        fake.zone();
        fake.stub(get(urlEqualTo(RECORDS + "?per_page=1")).willReturn(answer(200, "list-count.json")));

        assertEquals(42, fake.switcher().build().zoneRecordCount(CTX).orElseThrow());
    }

    @Test
    void readsMxTxtAndCnameValuesInCanonicalForm() {
        fake.zone();
        fake.stub(list("mail.example.com", "MX").willReturn(answer(200, "list-mx.json")));
        fake.stub(list("example.com", "TXT").willReturn(answer(200, "list-txt.json")));
        fake.stub(list("shop.example.com", "CNAME").willReturn(answer(200, "list-cname-proxied.json")));
        TestContext ctx = new TestContext(List.of(new DnsRecord("mail.example.com.", "MX", 3600, "10 mx.example.net."),
                new DnsRecord("example.com.", "TXT", 300, "\"x\""),
                new DnsRecord("shop.example.com.", "CNAME", 120, "x.example.net.")));

        List<DnsRecord> read = fake.switcher().build().read(ctx);

        assertEquals(List.of(new DnsRecord("mail.example.com.", "MX", 3600, "10 mx1.example.net."),
                new DnsRecord("example.com.", "TXT", 300, "\"v=spf1 include:_spf.example.net -all\""),
                new DnsRecord("shop.example.com.", "CNAME", 120, "shops.example.net.")), read);
    }

    @Test
    void createsAnMxRecordWithItsPriorityApartAndNotProxied() {
        fake.zone();
        fake.stub(list("mail.example.com", "MX").willReturn(answer(200, "list-empty.json")));
        fake.stub(post(urlEqualTo(RECORDS)).willReturn(answer(200, "record-created.json")));
        DnsRecord mx = new DnsRecord("mail.example.com.", "MX", 3600, "20 mx2.example.net.");

        fake.switcher().build().apply(new TestContext(List.of(mx)), new DnsChange(List.of(), List.of(mx)));

        wm.verify(1, postRequestedFor(urlEqualTo(RECORDS)).withRequestBody(equalToJson("{\"type\":\"MX\","
                + "\"name\":\"mail.example.com\",\"content\":\"mx2.example.net\",\"priority\":20,\"ttl\":3600}")));
    }

    @Test
    void refusesBeforeAnyCallNamesOutsideTheZoneUnsupportedTypesAndTtlsCloudflareRejects() {
        CloudflareSwitcher switcher = fake.switcher().zoneId(ZONE_ID).build();
        DnsRecord outside = DnsRecord.a("www.example.org.", 300, "192.0.2.9");
        DnsRecord srv = new DnsRecord("_sip._tcp.example.com.", "SRV", 300, "10 5 5060 sip.example.com.");
        DnsRecord tooShort = DnsRecord.a(SITE, 10, "192.0.2.9");

        DnsException a = assertThrows(DnsException.class, () -> switcher.read(new TestContext(List.of(outside))));
        DnsException b = assertThrows(DnsException.class, () -> switcher.read(new TestContext(List.of(srv))));
        DnsException c = assertThrows(DnsException.class,
                () -> switcher.apply(CTX, new DnsChange(List.of(), List.of(tooShort))));

        assertTrue(a.getMessage().contains("outside the zone example.com."), a.getMessage());
        assertTrue(b.getMessage().contains("record type SRV"), b.getMessage());
        assertTrue(c.getMessage().contains("TTL 10"), c.getMessage());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void declaresWhatItCanDo() {
        CloudflareSwitcher switcher = fake.switcher().build();

        assertEquals(Set.of("A", "AAAA", "CNAME", "TXT", "MX"), switcher.capabilities().recordTypes());
        assertTrue(switcher.capabilities().ttlControl());
        assertFalse(switcher.capabilities().atomicMultiRecordChange());
    }

    @Test
    void preflightPassesWhenTheTokenZoneAndRecordsAreFine() {
        fake.zone();
        fake.stub(list("site.example.com", "A").willReturn(answer(200, "list-site-before.json")));
        fake.stub(list("www.example.com", "A").willReturn(answer(200, "list-www-before.json")));

        List<CheckResult> checks = fake.switcher().build().preflight(CTX, CTX);

        assertTrue(checks.stream().allMatch(CheckResult::passed), checks.toString());
        assertEquals(5, checks.size(), checks.toString());
    }

    @Test
    void preflightFailsProxiedRecordsAndSaysWhatToDo() {
        fake.zone();
        fake.stub(list("shop.example.com", "CNAME").willReturn(answer(200, "list-cname-proxied.json")));
        TestContext ctx = new TestContext(List.of(new DnsRecord("shop.example.com.", "CNAME", 120, "x.example.net.")));

        List<CheckResult> checks = fake.switcher().build().preflight(ctx, ctx);

        CheckResult proxied = checks.stream().filter(c -> c.check().contains("proxied")).findFirst().orElseThrow();
        assertFalse(proxied.passed());
        assertTrue(proxied.detail().contains("set them to DNS only"), proxied.detail());
    }

    private static List<String> writes() {
        List<ServeEvent> newestFirst = new ArrayList<>(wm.getAllServeEvents());
        Collections.reverse(newestFirst);
        return newestFirst.stream().filter(e -> !e.getRequest().getMethod().getName().equals("GET"))
                .map(e -> e.getRequest().getMethod().getName() + " "
                        + e.getRequest().getUrl().substring(e.getRequest().getUrl().lastIndexOf('/') + 1))
                .toList();
    }
}
