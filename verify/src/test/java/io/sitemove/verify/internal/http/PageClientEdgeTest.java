package io.sitemove.verify.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fetcher's edge cases against WireMock, pinned to it under a made-up host name. */
class PageClientEdgeTest {
    private static final String HOST = "shop.example.test";
    private static final Duration SLACK = Duration.ofSeconds(3);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private static PageClientBuilder pinned() {
        return PageClient.builder().pin(HOST, "127.0.0.1", wm.getPort());
    }

    private static URI site(String path) {
        return URI.create("http://" + HOST + path);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void sendsTheSiteNameAsHostToThePinnedServerAndReadsTheHeadersAPanelShows() {
        wm.stubFor(get("/page").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Cache-Control", "max-age=60").withHeader("Set-Cookie", "wp_lang=en; Path=/")
                .withHeader("Set-Cookie", "PHPSESSID=abc; HttpOnly").withBody("<p>hello</p>")));

        try (PageClient client = pinned().userAgent("sitemove-test").build()) {
            Page page = client.fetch(site("/page"));

            assertTrue(page.complete(), page.toString());
            assertEquals(200, page.status());
            assertEquals("text/html", page.contentType());
            assertEquals("max-age=60", page.cacheControl());
            assertEquals(List.of("wp_lang", "PHPSESSID"), page.cookieNames());
            assertArrayEquals("<p>hello</p>".getBytes(StandardCharsets.UTF_8), page.body());
            assertFalse(page.bodyCut());
        }
        wm.verify(getRequestedFor(urlEqualTo("/page")).withHeader("Host", equalTo(HOST))
                .withHeader("User-Agent", equalTo("sitemove-test")));
    }

    @Test
    void aServerErrorIsAPageWithItsStatusAndBodyNotAFailure() {
        wm.stubFor(get("/boom").willReturn(aResponse().withStatus(500).withBody("Fatal error: out of memory")));

        try (PageClient client = pinned().build()) {
            Page page = client.fetch(site("/boom"));

            assertTrue(page.complete(), page.toString());
            assertEquals(500, page.status());
            assertEquals("Fatal error: out of memory", new String(page.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSlowResponseIsATimeoutWithinItsBound() {
        wm.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));

        try (PageClient client = pinned().responseTimeout(Duration.ofMillis(500)).build()) {
            long start = System.nanoTime();
            Page page = client.fetch(site("/slow"));
            long took = millisSince(start);

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.TIMEOUT, failure.kind());
            assertEquals("GET http://shop.example.test/slow via 127.0.0.1:" + wm.getPort()
                    + ": no response within 500 ms", failure.words());
            assertTrue(took < 500 + SLACK.toMillis(), "took " + took + " ms");
            assertEquals(0, page.status());
        }
    }

    @Test
    void aBodyThatTricklesPastTheWholeFetchDeadlineIsADeadlineFailure() {
        wm.stubFor(get("/drip").willReturn(aResponse().withStatus(200).withBody("x".repeat(40))
                .withChunkedDribbleDelay(40, 10_000)));

        try (PageClient client = pinned().connectTimeout(Duration.ofMillis(500))
                .responseTimeout(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            Page page = client.fetch(site("/drip"));
            long took = millisSince(start);

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.DEADLINE, failure.kind(), failure.words());
            assertTrue(failure.words().endsWith("no complete page within the fetch deadline of 1 s"), failure.words());
            assertTrue(took >= 900 && took < 1000 + SLACK.toMillis(), "took " + took + " ms");
        }
    }

    @Test
    void aRedirectLoopIsAFailureWithTheHopsFollowed() {
        wm.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        wm.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", "/a")));

        try (PageClient client = pinned().build()) {
            Page page = client.fetch(site("/a"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.REDIRECT_LOOP, failure.kind(), failure.words());
            assertTrue(failure.words().contains("redirect loop"), failure.words());
            assertEquals(new Hop(site("/a"), 302, site("/b")), page.redirects().get(0));
            assertEquals(new Hop(site("/b"), 301, site("/a")), page.redirects().get(1));
        }
    }

    @Test
    void aChainLongerThanTheBoundIsTooManyRedirectsAndAShortOneIsFollowedAndRecorded() {
        IntStream.rangeClosed(1, 5).forEach(i -> wm.stubFor(get("/r/" + i)
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/r/" + (i + 1)))));
        wm.stubFor(get("/r/6").willReturn(aResponse().withStatus(200).withBody("end")));

        try (PageClient strict = pinned().maxRedirects(2).build(); PageClient lenient = pinned().build()) {
            Page cut = strict.fetch(site("/r/1"));
            Page whole = lenient.fetch(site("/r/1"));

            FetchFailure failure = cut.failure().orElseThrow(() -> new AssertionError(cut));
            assertEquals(FetchFailure.Kind.TOO_MANY_REDIRECTS, failure.kind(), failure.words());
            assertTrue(failure.words().endsWith("more than 2 redirects"), failure.words());
            assertTrue(whole.complete(), whole.toString());
            assertEquals(200, whole.status());
            assertEquals(5, whole.redirects().size());
            assertEquals(site("/r/6"), whole.finalUri());
        }
    }

    @Test
    void aHugeBodyIsCutAtTheLimitAndReportedWithoutReadingItAll() {
        byte[] huge = new byte[32 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'y');
        wm.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody(huge)));

        try (PageClient client = pinned().maxBodyBytes(64 * 1024).build()) {
            Page page = client.fetch(site("/huge"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.BODY_TOO_LARGE, failure.kind(), failure.words());
            assertTrue(failure.words().endsWith("body larger than 65536 bytes; the first 65536 were kept"),
                    failure.words());
            assertTrue(page.bodyCut());
            assertEquals(64 * 1024, page.body().length);
            assertEquals(200, page.status());
        }
    }

    @Test
    void nothingListeningIsConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        try (PageClient client = PageClient.builder().pin(HOST, "127.0.0.1", closed).build()) {
            Page page = client.fetch(site("/"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.CONNECTION_REFUSED, failure.kind(), failure.words());
            assertEquals("GET http://shop.example.test/ via 127.0.0.1:" + closed + ": connection refused",
                    failure.words());
        }
    }

    @Test
    void aCertificateNoTrustedCaSignedIsATlsFailureWithTheReason() {
        wm.stubFor(get("/secure").willReturn(aResponse().withStatus(200).withBody("secret")));

        try (PageClient client = PageClient.builder().pin(HOST, "127.0.0.1", wm.getHttpsPort()).build()) {
            Page page = client.fetch(URI.create("https://" + HOST + "/secure"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.TLS, failure.kind(), failure.words());
            assertTrue(failure.words().contains("TLS failed: "), failure.words());
            assertTrue(failure.words().toLowerCase().contains("certif"), failure.words());
        }
    }

    @Test
    void thePoolCapsConcurrentConnections() {
        wm.stubFor(get("/wait").willReturn(aResponse().withStatus(200).withFixedDelay(400)));

        long oneAtATime = threeParallelFetches(1);
        long threeAtOnce = threeParallelFetches(3);

        assertTrue(oneAtATime >= 3 * 400 - 50, "three 400 ms answers through one connection took " + oneAtATime + " ms");
        assertTrue(threeAtOnce < oneAtATime - 300, "through three connections " + threeAtOnce + " ms, through one "
                + oneAtATime + " ms");
    }

    private static long threeParallelFetches(int maxConnections) {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (PageClient client = pinned().maxConnections(maxConnections).build()) {
            long start = System.nanoTime();
            List<CompletableFuture<Page>> pages = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.fetch(site("/wait")), threads)).toList();
            pages.forEach(p -> assertTrue(p.join().complete(), p.join().toString()));
            return millisSince(start);
        } finally {
            threads.shutdownNow();
        }
    }
}
