package io.sitemove.verify.internal.pages;

import io.sitemove.spi.Finding;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.Printable;
import io.sitemove.verify.internal.http.Hop;
import io.sitemove.verify.internal.http.Page;
import io.sitemove.verify.internal.http.PageDigest;
import io.sitemove.verify.internal.http.PageFacts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares one URL's page from the old server with the new server's, finding by finding. */
final class PageComparison {
    private static final int EXCERPT = 200;
    private static final String SYNC = "sync the site again, or fix the new server's web server or PHP configuration";

    private final PageDigest digest;
    private final Finding.Severity bodySeverity;
    private final String oldSide;
    private final String newSide;
    private final Side now;

    PageComparison(PageDigest digest, Finding.Severity bodySeverity, Side old, Side now) {
        this.digest = digest;
        this.bodySeverity = bodySeverity;
        this.oldSide = old.named();
        this.newSide = now.named();
        this.now = now;
    }

    /** Adds what differs between the two pages of {@code url} to {@code out}. */
    void compare(URI url, Page old, Page now, Findings out) {
        String subject = url.toString();
        if (!now.complete()) {
            String oldToo = old.complete() ? "" : "; the old server fails too: " + old.failure().get().words();
            out.add(Finding.blocking("fetch", subject, old.complete() ? "status " + old.status() + " (" + oldSide + ")"
                    : "a complete page", now.failure().get().words() + oldToo,
                    "check that the new server serves this site and answers within the bounds"));
            return;
        }
        if (!old.complete()) {
            out.add(Finding.warning("fetch", subject, "a page from the old server to compare with",
                    old.failure().get().words() + "; the new server answered status " + now.status(),
                    "check the old server; this URL was not compared"));
            return;
        }
        if (old.status() != now.status()) {
            out.add(Finding.blocking("status", subject, "status " + old.status() + " (" + oldSide + ")",
                    "status " + now.status() + " (" + newSide + "), body: '" + excerpt(now) + "'", SYNC));
            return;
        }
        leftThePins(subject, now, out);
        if (!chain(old).equals(chain(now))) {
            out.add(Finding.blocking("redirects", subject, chain(old) + " (" + oldSide + ")",
                    chain(now) + " (" + newSide + ")", "make the new server redirect as the old one does"));
        }
        compareHeaders(subject, old, now, out);
        compareContent(subject, old, now, out);
    }

    /**
     * Whether the old server answered with a maintenance page (503), as a source does at the cutover: there is no
     * page of the site to compare with then.
     */
    static boolean inMaintenance(Page old) {
        return old.complete() && old.status() == 503;
    }

    /**
     * Checks the new server's page on its own while the old server is in maintenance: it must serve the page
     * (complete, below 500); a 503 there too means the new server is in maintenance as well.
     */
    void servedAlone(URI url, Page old, Page now, Findings out) {
        String subject = url.toString();
        String expected = "the site's page (the " + oldSide + " is in maintenance: status " + old.status() + ")";
        if (!now.complete()) {
            out.add(Finding.blocking("fetch", subject, expected, now.failure().get().words(),
                    "check that the new server serves this site and answers within the bounds"));
        } else if (now.status() >= 500) {
            out.add(Finding.blocking("status", subject, expected, "status " + now.status() + " (" + newSide
                    + "), body: '" + excerpt(now) + "'", "make the new server serve the site before DNS moves:"
                    + " check that the old server's maintenance marker was not copied, and its PHP and database"
                    + " settings"));
        }
    }

    private void leftThePins(String subject, Page page, Findings out) {
        for (Hop hop : page.redirects()) {
            if (!now.pins(hop.location().getHost())) {
                out.add(Finding.warning("redirects", subject, "redirects within the site's pinned host names",
                        hop.status() + " to " + hop.location() + ", whose host resolves through the system's DNS,"
                                + " perhaps to the old server", "name the site's other host names with hosts(...)"));
                return;
            }
        }
    }

    private void compareContent(String subject, Page old, Page now, Findings out) {
        PageFacts was = digest.of(old);
        PageFacts is = digest.of(now);
        if (!was.title().equals(is.title())) {
            out.add(Finding.blocking("title", subject, "title '" + Printable.excerpt(was.title(), EXCERPT) + "' ("
                    + oldSide + ")", "title '" + Printable.excerpt(is.title(), EXCERPT) + "' (" + newSide + ")", SYNC));
        }
        for (int i = 0; i < was.selected().size(); i++) {
            PageFacts.Selected a = was.selected().get(i);
            PageFacts.Selected b = is.selected().get(i);
            if (!a.texts().equals(b.texts())) {
                out.add(Finding.blocking("selector", subject, texts(a) + " (" + oldSide + ")",
                        texts(b) + " (" + newSide + ")", SYNC));
            }
        }
        if (!was.sha256().equals(is.sha256())) {
            out.add(new Finding("body", subject, "body digest " + was.sha256().substring(0, 12) + " (" + oldSide + ")",
                    "body digest " + is.sha256().substring(0, 12) + " (" + newSide + "); " + firstDifference(old, now),
                    bodySeverity, "sync the site again, or add a normalisation rule for what changes on every load",
                    false));
        }
    }

    private void compareHeaders(String subject, Page old, Page now, Findings out) {
        if (!mediaType(old.contentType()).equals(mediaType(now.contentType()))) {
            out.add(Finding.blocking("header", subject, "Content-Type " + old.contentType() + " (" + oldSide + ")",
                    "Content-Type " + now.contentType() + " (" + newSide + ")", SYNC));
        }
        if (!old.cacheControl().equals(now.cacheControl())) {
            out.add(Finding.warning("header", subject, "Cache-Control '" + old.cacheControl() + "' (" + oldSide + ")",
                    "Cache-Control '" + now.cacheControl() + "' (" + newSide + ")",
                    "set the new server's caching headers as the old server's"));
        }
        TreeSet<String> was = new TreeSet<>(old.cookieNames());
        TreeSet<String> is = new TreeSet<>(now.cookieNames());
        if (!was.equals(is)) {
            out.add(Finding.warning("header", subject, "Set-Cookie names " + was + " (" + oldSide + ")",
                    "Set-Cookie names " + is + " (" + newSide + ")", "check the new server's PHP sessions and plugins"));
        }
    }

    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String chain(Page page) {
        List<Hop> hops = page.redirects();
        if (hops.isEmpty()) {
            return "no redirect";
        }
        return hops.stream().map(h -> h.status() + " to " + h.location()).collect(Collectors.joining(", then "));
    }

    private static String texts(PageFacts.Selected s) {
        return "'" + s.selector() + "' texts " + s.texts().stream().map(t -> "'" + Printable.excerpt(t, EXCERPT) + "'")
                .toList();
    }

    private static String excerpt(Page page) {
        return Printable.excerpt(new String(page.body(), StandardCharsets.UTF_8), EXCERPT);
    }

    private String firstDifference(Page old, Page now) {
        String[] a = digest.normalised(new String(old.body(), StandardCharsets.UTF_8)).split("\n", -1);
        String[] b = digest.normalised(new String(now.body(), StandardCharsets.UTF_8)).split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        String was = line < a.length ? a[line] : "(end of body)";
        String is = line < b.length ? b[line] : "(end of body)";
        return "first difference on line " + (line + 1) + ": old '" + Printable.excerpt(was, 80) + "', new '"
                + Printable.excerpt(is, 80) + "'";
    }
}
