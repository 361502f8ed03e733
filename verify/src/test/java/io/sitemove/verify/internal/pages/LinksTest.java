package io.sitemove.verify.internal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.verify.internal.http.Page;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a page links on its own site, and the nearest-rank percentiles of the latency check. */
class LinksTest {
    private static final URI PAGE = URI.create("https://shop.example.test/shop/");

    private static Page page(String body) {
        return new Page(PAGE, 200, List.of(), "text/html", "", List.of(), body.getBytes(StandardCharsets.UTF_8), false,
                Duration.ZERO, Optional.empty());
    }

    @Test
    void assetsAreTheImagesScriptsAndStyleSheetsOnTheSameSchemeHostAndPort() {
        Page page = page("<link rel=\"stylesheet\" href=\"/a.css\"><link rel=\"icon\" href=\"/i.ico\">"
                + "<script src=\"app.js?ver=1\"></script><img src=\"//shop.example.test/logo.png#x\">"
                + "<img src=\"https://cdn.example.org/x.png\"><img src=\"http://shop.example.test/plain.png\">"
                + "<img src=\"https://shop.example.test:8443/other-port.png\"><img src=\"\">");

        assertEquals(Set.of(URI.create("https://shop.example.test/a.css"),
                URI.create("https://shop.example.test/shop/app.js?ver=1"),
                URI.create("https://shop.example.test/logo.png")), Links.assets(page));
    }

    @Test
    void anchorsLoseTheirFragmentsAndStayOnTheSite() {
        Page page = page("<a href=\"/a#top\">a</a><a href=\"b?x=1\">b</a><a href=\"mailto:x@example.test\">m</a>"
                + "<a href=\"https://elsewhere.example.org/\">e</a><a href=\"/../c\">c</a>");

        assertEquals(List.of(URI.create("https://shop.example.test/a"), URI.create("https://shop.example.test/shop/b?x=1"),
                URI.create("https://shop.example.test/c")), List.copyOf(Links.anchors(page)));
    }

    @Test
    void aSitemapIndexIsToldFromAUrlSet() {
        Links.Sitemap index = Links.sitemap(page("<?xml version=\"1.0\"?><sitemapindex><sitemap>"
                + "<loc>https://shop.example.test/s1.xml</loc></sitemap></sitemapindex>"));
        Links.Sitemap urls = Links.sitemap(page("<urlset><url><loc> https://shop.example.test/p </loc></url>"
                + "<url><loc>https://other.example.test/p</loc></url></urlset>"));

        assertTrue(index.index());
        assertEquals(Set.of(URI.create("https://shop.example.test/s1.xml")), index.locations());
        assertFalse(urls.index());
        assertEquals(Set.of(URI.create("https://shop.example.test/p")), urls.locations());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> times = List.of(5, 1, 4, 2, 3, 10, 6, 7, 9, 8).stream().map(Duration::ofMillis).toList();

        assertEquals(Duration.ofMillis(5), LatencyCheck.percentile(times, 50));
        assertEquals(Duration.ofMillis(10), LatencyCheck.percentile(times, 95));
        assertEquals(Duration.ofMillis(7), LatencyCheck.percentile(List.of(Duration.ofMillis(7)), 95));
    }
}
