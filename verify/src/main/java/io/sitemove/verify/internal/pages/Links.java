package io.sitemove.verify.internal.pages;

import io.sitemove.verify.internal.http.Page;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** The URLs a page links on its own site: its assets, its links, a sitemap's locations. */
final class Links {
    private static final String ASSETS = "img[src], script[src], link[rel~=(?i)stylesheet][href]";

    private Links() {
    }

    /** The images, scripts and style sheets of {@code page} on its own scheme, host and port. */
    static Set<URI> assets(Page page) {
        Set<URI> out = new LinkedHashSet<>();
        Document doc = html(page);
        for (Element e : doc.select(ASSETS)) {
            String attr = e.hasAttr("src") ? "src" : "href";
            if (!e.attr(attr).isBlank()) {
                sameSite(e.absUrl(attr), page.finalUri()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The {@code a href} links of {@code page} on its own scheme, host and port, without fragments. */
    static Set<URI> anchors(Page page) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element e : html(page).select("a[href]")) {
            sameSite(e.absUrl("href"), page.finalUri()).ifPresent(out::add);
        }
        return out;
    }

    /** The {@code <loc>}s of a sitemap, and whether it is a sitemap index (its locations are sitemaps). */
    static Sitemap sitemap(Page page) {
        Document xml = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.finalUri().toString(),
                Parser.xmlParser());
        Set<URI> locs = new LinkedHashSet<>();
        for (Element loc : xml.select("loc")) {
            sameSite(loc.text().trim(), page.finalUri()).ifPresent(locs::add);
        }
        return new Sitemap(!xml.select("sitemapindex").isEmpty(), locs);
    }

    private static Document html(Page page) {
        return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.finalUri().toString());
    }

    /** {@code link} as a URI without fragment when it has the scheme, host and port of {@code base}. */
    static Optional<URI> sameSite(String link, URI base) {
        if (link == null || link.isEmpty()) {
            return Optional.empty();
        }
        int hash = link.indexOf('#');
        try {
            URI u = new URI(hash < 0 ? link : link.substring(0, hash)).normalize();
            boolean same = u.getScheme() != null && u.getHost() != null && u.getScheme().equalsIgnoreCase(base.getScheme())
                    && u.getHost().equalsIgnoreCase(base.getHost()) && port(u) == port(base);
            return same ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        if (u.getPort() > 0) {
            return u.getPort();
        }
        return u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    /**
     * A sitemap read.
     *
     * @param index whether it lists sitemaps rather than pages
     * @param locations its locations on the site
     */
    record Sitemap(boolean index, Set<URI> locations) {
        Sitemap {
            Objects.requireNonNull(locations, "locations cannot be null");
        }
    }
}
