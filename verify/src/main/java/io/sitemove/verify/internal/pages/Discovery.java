package io.sitemove.verify.internal.pages;

import io.sitemove.verify.internal.http.Page;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the site's URLs on the old server: its sitemaps ({@code /wp-sitemap.xml}, {@code /sitemap.xml},
 * sitemap indexes followed) and the home page's links, at most a given count of them.
 */
final class Discovery {
    private static final List<String> SITEMAPS = List.of("/wp-sitemap.xml", "/sitemap.xml");
    private static final int MAX_SITEMAPS = 50;

    private Discovery() {
    }

    /** Up to {@code max} URLs of the site of {@code base} not among {@code known}, in the order found. */
    static List<URI> urls(Side old, URI base, int max, Set<URI> known) {
        Set<URI> found = new LinkedHashSet<>();
        Deque<URI> sitemaps = new ArrayDeque<>();
        for (String path : SITEMAPS) {
            sitemaps.add(base.resolve(path));
        }
        Set<URI> seen = new LinkedHashSet<>();
        while (!sitemaps.isEmpty() && found.size() < max && seen.size() < MAX_SITEMAPS) {
            URI map = sitemaps.poll();
            if (!seen.add(map)) {
                continue;
            }
            Page page = old.fetch(map);
            if (!page.complete() || page.status() != 200) {
                continue;
            }
            Links.Sitemap read = Links.sitemap(page);
            for (URI loc : read.locations()) {
                if (read.index()) {
                    sitemaps.add(loc);
                } else {
                    add(found, loc, known, max);
                }
            }
        }
        Page home = old.fetch(base.resolve("/"));
        if (home.complete() && home.status() == 200) {
            add(found, base.resolve("/"), known, max);
            for (URI link : Links.anchors(home)) {
                add(found, link, known, max);
            }
        }
        return List.copyOf(found);
    }

    private static void add(Set<URI> found, URI url, Set<URI> known, int max) {
        if (found.size() < max && !known.contains(url)) {
            found.add(url);
        }
    }
}
