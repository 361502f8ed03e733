package io.sitemove.verify.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WebServer;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against the testkit's real nginx and php-fpm, a made-up site name pinned to the new server. */
@WithTestkit(ssh = false, mariaDb = false, dns = false, web = true)
class PageClientNginxIT {
    private static final String SITE = "shop.example.test";
    private final Testkit kit;
    private WebServer web;

    PageClientNginxIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenPagesThatEchoTheHostAndTellTheServersApart() throws IOException {
        web = kit.newWeb();
        for (WebServer side : List.of(kit.oldWeb(), web)) {
            Files.writeString(side.docroot().resolve("host.php"), "<?php header('Cache-Control: no-store');"
                    + " setcookie('shop_session', 'x'); echo '<title>' . $_SERVER['HTTP_HOST'] . '</title>"
                    + "<p id=\"side\">" + side.name() + "</p>';\n");
            Files.writeString(side.docroot().resolve("old-url.php"),
                    "<?php header('Location: /host.php', true, 301);\n");
        }
    }

    private PageClient pinnedToTheNewServer() {
        return PageClient.builder().pin(SITE, web.host(), web.port()).build();
    }

    @Test
    void thePinnedServerAnswersForTheSiteNameItWasAskedFor() {
        try (PageClient client = pinnedToTheNewServer()) {
            Page page = client.fetch(URI.create("http://" + SITE + "/host.php"));

            assertTrue(page.complete(), page.toString());
            assertEquals(200, page.status());
            PageFacts facts = PageDigest.builder().select("#side").build().of(page);
            assertEquals(SITE, facts.title(), "the Host header PHP saw");
            assertEquals(List.of(new PageFacts.Selected("#side", List.of("new"))), facts.selected());
            assertTrue(page.contentType().startsWith("text/html"), page.contentType());
            assertEquals("no-store", page.cacheControl());
            assertEquals(List.of("shop_session"), page.cookieNames());
        }
    }

    @Test
    void aRedirectOfTheSiteIsFollowedOnThePinnedServerAndRecorded() {
        try (PageClient client = pinnedToTheNewServer()) {
            Page page = client.fetch(URI.create("http://" + SITE + "/old-url.php"));

            assertTrue(page.complete(), page.toString());
            assertEquals(List.of(new Hop(URI.create("http://" + SITE + "/old-url.php"), 301,
                    URI.create("http://" + SITE + "/host.php"))), page.redirects());
            assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<p id=\"side\">new</p>"),
                    page.toString());
        }
    }

    @Test
    void aPhpErrorIsAPageWithStatus500() throws IOException {
        Files.writeString(web.docroot().resolve("fatal.php"), "<?php http_response_code(500); echo 'broken';\n");

        try (PageClient client = pinnedToTheNewServer()) {
            Page page = client.fetch(URI.create("http://" + SITE + "/fatal.php"));

            assertEquals(500, page.status(), page.toString());
            assertEquals("broken", new String(page.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void overHttpsTheRealCertificateIsCheckedAgainstTheGivenCa() {
        URI page = URI.create("https://" + SITE + "/host.php");
        try (PageClient trusting = PageClient.builder().pin(SITE, web.host(), web.httpsPort())
                .trustCaFile(web.caFile(), false).build();
                PageClient jdkOnly = PageClient.builder().pin(SITE, web.host(), web.httpsPort()).build()) {
            Page trusted = trusting.fetch(page);
            Page refused = jdkOnly.fetch(page);

            assertTrue(trusted.complete(), trusted.toString());
            assertEquals(SITE, PageDigest.builder().build().of(trusted).title(), "the Host header PHP saw");
            FetchFailure failure = refused.failure().orElseThrow(() -> new AssertionError(refused));
            assertEquals(FetchFailure.Kind.TLS, failure.kind(), failure.words());
            assertTrue(failure.words().startsWith("GET " + page + " via " + web.host() + ":" + web.httpsPort()
                    + ": TLS failed: "), failure.words());
        }
    }

    @Test
    void overHttpsANameTheCertificateDoesNotCoverIsRefusedEvenWithTheCa() {
        try (PageClient client = PageClient.builder().pin("blog.example.test", web.host(), web.httpsPort())
                .trustCaFile(web.caFile(), true).build()) {
            Page page = client.fetch(URI.create("https://blog.example.test/host.php"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.TLS, failure.kind(), failure.words());
            assertTrue(failure.words().contains("blog.example.test"), failure.words());
        }
    }
}
