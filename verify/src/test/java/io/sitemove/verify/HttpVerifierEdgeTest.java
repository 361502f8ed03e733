package io.sitemove.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the page checks make of servers that misbehave, the old and the new server each a WireMock. */
class HttpVerifierEdgeTest {
    private static final String HOST = "shop.example.test";

    @RegisterExtension
    static WireMockExtension oldWm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();
    @RegisterExtension
    static WireMockExtension newWm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private static HttpVerifierBuilder pinned(String path) {
        return HttpVerifier.builder().url("http://" + HOST + path).assets(false)
                .pinOld("127.0.0.1", oldWm.getPort()).pinNew("127.0.0.1", newWm.getPort());
    }

    private static ResponseDefinitionBuilder page(String title) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>" + title + "</title></head><body>" + title + "</body></html>");
    }

    private static Verification run(HttpVerifierBuilder b, VerifyStage stage) {
        return b.build().verify(Contexts.withoutSsh(stage));
    }

    private static Finding only(Verification result, String check) {
        List<Finding> of = result.findings().stream().filter(f -> f.check().equals(check)).toList();
        assertEquals(1, of.size(), result.findings().toString());
        return of.get(0);
    }

    @Test
    void aNewServerThatDoesNotAnswerInTimeIsAFindingWithinTheBound() {
        oldWm.stubFor(get("/slow").willReturn(page("Slow")));
        newWm.stubFor(get("/slow").willReturn(page("Slow").withFixedDelay(5000)));
        long start = System.nanoTime();

        Verification result = run(pinned("/slow").responseTimeout(Duration.ofMillis(400)), VerifyStage.FUNCTIONAL);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000, "bounded by the response timeout");
        Finding fetch = only(result, "fetch");
        assertEquals("http://" + HOST + "/slow", fetch.subject());
        assertEquals("status 200 (old server 127.0.0.1:" + oldWm.getPort() + ")", fetch.expected());
        assertEquals("GET http://" + HOST + "/slow via 127.0.0.1:" + newWm.getPort() + ": no response within 400 ms",
                fetch.actual());
        assertTrue(fetch.blocks());
    }

    @Test
    void aRedirectLoopOnTheNewServerIsAFinding() {
        oldWm.stubFor(get("/loop").willReturn(page("Loop")));
        newWm.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop2")));
        newWm.stubFor(get("/loop2").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        Finding fetch = only(run(pinned("/loop"), VerifyStage.FUNCTIONAL), "fetch");

        assertTrue(fetch.actual().contains(": redirect loop: "), fetch.actual());
    }

    @Test
    void aBodyLargerThanTheBoundIsAFinding() {
        oldWm.stubFor(get("/big").willReturn(page("Big")));
        newWm.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(50_000))));

        Finding fetch = only(run(pinned("/big").maxBodyBytes(10_000), VerifyStage.FUNCTIONAL), "fetch");

        assertTrue(fetch.actual().endsWith(": body larger than 10000 bytes; the first 10000 were kept"), fetch.actual());
    }

    @Test
    void aCertificateNoCaVouchesForIsATlsFinding() {
        HttpVerifierBuilder b = HttpVerifier.builder().url("https://" + HOST + "/").assets(false)
                .pinOld("127.0.0.1", oldWm.getHttpsPort()).pinNew("127.0.0.1", newWm.getHttpsPort());

        Finding fetch = only(run(b, VerifyStage.CUTOVER), "fetch");

        assertTrue(fetch.actual().startsWith("GET https://" + HOST + "/ via 127.0.0.1:" + newWm.getHttpsPort()
                + ": TLS failed: "), fetch.actual());
        assertTrue(fetch.blocks());
    }

    @Test
    void aNewServerSlowerThanThePlanAllowsIsALatencyFindingAtFunctionalOnly() {
        oldWm.stubFor(get("/p").willReturn(page("P")));
        newWm.stubFor(get("/p").willReturn(page("P").withFixedDelay(300)));
        HttpVerifierBuilder b = pinned("/p").latency(3, 1.5, Duration.ofMillis(100));

        Finding latency = only(run(b, VerifyStage.FUNCTIONAL), "latency");
        Verification atCutover = run(b, VerifyStage.CUTOVER);

        assertEquals("http://" + HOST + "/p", latency.subject());
        assertTrue(latency.expected().startsWith("p95 at most "), latency.expected());
        assertTrue(latency.actual().matches("p95 (3\\d\\d|[4-9]\\d\\d|\\d{4}) ms, p50 \\d+ ms \\(new server 127.0.0.1:"
                + newWm.getPort() + ", 3 requests\\)"), latency.actual());
        assertTrue(atCutover.passed(), atCutover.findings().toString());
    }

    @Test
    void aBodyThatDiffersWarnsAtFunctionalAndBlocksAtCutover() {
        oldWm.stubFor(get("/b").willReturn(page("B").withBody("<title>B</title><p>3 comments</p>")));
        newWm.stubFor(get("/b").willReturn(page("B").withBody("<title>B</title><p>2 comments</p>")));

        Finding functional = only(run(pinned("/b"), VerifyStage.FUNCTIONAL), "body");
        Finding cutover = only(run(pinned("/b"), VerifyStage.CUTOVER), "body");

        assertEquals(Finding.Severity.WARNING, functional.severity());
        assertEquals(Finding.Severity.BLOCKING, cutover.severity());
        assertTrue(cutover.actual().endsWith("; first difference on line 1: old '<title>B</title><p>3 comments</p>', new"
                + " '<title>B</title><p>2 comments</p>'"), cutover.actual());
    }

    @Test
    void headersThatMatterAreComparedAndRedirectChainsToo() {
        oldWm.stubFor(get("/h").willReturn(page("H").withHeader("Cache-Control", "max-age=60")
                .withHeader("Set-Cookie", "wp_lang=en")));
        newWm.stubFor(get("/h").willReturn(page("H").withHeader("Content-Type", "text/plain")));
        oldWm.stubFor(get("/r").willReturn(aResponse().withStatus(301).withHeader("Location", "/h")));
        newWm.stubFor(get("/r").willReturn(aResponse().withStatus(302).withHeader("Location", "/h")));

        Verification headers = run(pinned("/h"), VerifyStage.CUTOVER);
        Finding redirects = only(run(pinned("/r"), VerifyStage.CUTOVER), "redirects");

        List<String> seen = headers.findings().stream().map(f -> f.severity() + " " + f.expected()).toList();
        assertEquals(List.of("BLOCKING Content-Type text/html (old server 127.0.0.1:" + oldWm.getPort() + ")",
                "WARNING Cache-Control 'max-age=60' (old server 127.0.0.1:" + oldWm.getPort() + ")",
                "WARNING Set-Cookie names [wp_lang] (old server 127.0.0.1:" + oldWm.getPort() + ")"), seen);
        assertEquals("301 to http://" + HOST + "/h (old server 127.0.0.1:" + oldWm.getPort() + ")", redirects.expected());
        assertEquals("302 to http://" + HOST + "/h (new server 127.0.0.1:" + newWm.getPort() + ")", redirects.actual());
        assertFalse(headers.passed());
    }

    @Test
    void aRedirectToAnAliasOfTheSiteStaysOnThePinnedServersWhenTheAliasIsNamed() {
        for (WireMockExtension side : List.of(oldWm, newWm)) {
            side.stubFor(get("/alias").willReturn(aResponse().withStatus(301)
                    .withHeader("Location", "http://www." + HOST + "/home")));
        }
        oldWm.stubFor(get("/home").willReturn(page("Home")));
        newWm.stubFor(get("/home").willReturn(page("Home (new)")));

        Verification named = run(pinned("/alias").hosts("www." + HOST), VerifyStage.CUTOVER);
        Finding title = only(named, "title");
        Finding unpinned = only(run(pinned("/alias"), VerifyStage.CUTOVER), "fetch");

        assertEquals("title 'Home (new)' (new server 127.0.0.1:" + newWm.getPort() + ")", title.actual());
        assertTrue(named.findings().stream().noneMatch(f -> f.check().equals("redirects")), named.findings().toString());
        assertTrue(unpinned.actual().contains(": host www." + HOST + " is not pinned and does not resolve (system DNS)"),
                unpinned.actual());
    }

    @Test
    void aRedirectThatLeavesThePinnedHostsIsAWarning() {
        for (WireMockExtension side : List.of(oldWm, newWm)) {
            side.stubFor(get("/out").willReturn(aResponse().withStatus(302).withHeader("Location", "http://localhost:"
                    + newWm.getPort() + "/landing")));
            side.stubFor(get("/landing").willReturn(page("Landing")));
        }

        Finding left = only(run(pinned("/out"), VerifyStage.CUTOVER), "redirects");

        assertEquals(Finding.Severity.WARNING, left.severity());
        assertEquals("302 to http://localhost:" + newWm.getPort() + "/landing, whose host resolves through the system's"
                + " DNS, perhaps to the old server", left.actual());
    }

    @Test
    void anImageAnsweredByAFallbackPageOnTheNewServerIsAnAssetFinding() {
        for (WireMockExtension side : List.of(oldWm, newWm)) {
            side.stubFor(get("/gallery").willReturn(page("Gallery").withBody("<title>Gallery</title><img src=\"/i.png\">")));
        }
        oldWm.stubFor(get("/i.png").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
                .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        newWm.stubFor(get("/i.png").willReturn(page("Home")));

        Finding asset = only(run(pinned("/gallery").assets(true), VerifyStage.FUNCTIONAL), "asset");

        assertEquals("http://" + HOST + "/i.png", asset.subject());
        assertEquals("Content-Type image/png (old server 127.0.0.1:" + oldWm.getPort() + "), as linked from http://"
                + HOST + "/gallery", asset.expected());
        assertEquals("Content-Type text/html (new server 127.0.0.1:" + newWm.getPort() + ")", asset.actual());
    }

    @Test
    void discoveryAddsAtMostTheCountAsked() {
        StringBuilder urlset = new StringBuilder("<urlset>");
        for (int i = 0; i < 5; i++) {
            urlset.append("<url><loc>http://").append(HOST).append("/d").append(i).append("</loc></url>");
            for (WireMockExtension side : List.of(oldWm, newWm)) {
                side.stubFor(get("/d" + i).willReturn(page("D" + i)));
            }
        }
        oldWm.stubFor(get("/wp-sitemap.xml").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(urlset + "</urlset>")));
        newWm.stubFor(get("/start").willReturn(page("Start")));
        oldWm.stubFor(get("/start").willReturn(page("Start")));

        Verification result = run(pinned("/start").discover(2), VerifyStage.FUNCTIONAL);

        assertTrue(result.findings().isEmpty(), result.findings().toString());
        assertTrue(result.summary().startsWith("3 page(s) alike"), result.summary());
    }
}
