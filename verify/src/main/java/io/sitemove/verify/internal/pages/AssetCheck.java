package io.sitemove.verify.internal.pages;

import io.sitemove.spi.Finding;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.http.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Checks that the images, style sheets and scripts pages link on their own host answer on the new server. */
final class AssetCheck {
    private AssetCheck() {
    }

    /**
     * Fetches each asset from both servers and adds a finding for each one the new server does not serve
     * as the old one does.
     *
     * @param linkedFrom each asset and the first page that links it
     * @return how many assets were checked
     */
    static int run(Map<URI, URI> linkedFrom, Side old, Side now, Findings out) {
        List<URI> assets = new ArrayList<>(linkedFrom.keySet());
        List<CompletableFuture<Page>> olds = new ArrayList<>();
        List<CompletableFuture<Page>> news = new ArrayList<>();
        for (URI asset : assets) {
            olds.add(old.fetchLater(asset));
            news.add(now.fetchLater(asset));
        }
        for (int i = 0; i < assets.size(); i++) {
            check(assets.get(i), linkedFrom.get(assets.get(i)), olds.get(i).join(), news.get(i).join(), old, now, out);
        }
        return assets.size();
    }

    private static void check(URI asset, URI page, Page was, Page is, Side old, Side now, Findings out) {
        boolean oldServes = was.complete() && ok(was.status());
        String subject = asset.toString();
        String expected = "status 2xx, as linked from " + page;
        if (!is.complete() || !ok(is.status())) {
            String actual = (is.complete() ? "status " + is.status() : is.failure().get().words()) + " (" + now.named() + ")";
            if (oldServes) {
                out.add(Finding.blocking("asset", subject, expected + " (the " + old.named() + " answers status "
                        + was.status() + ")", actual, "copy the file to the new server, or sync the files again"));
            } else {
                out.add(Finding.warning("asset", subject, expected, actual + "; the " + old.named() + " does not serve it"
                        + " either (" + (was.complete() ? "status " + was.status() : was.failure().get().words()) + ")",
                        "fix the link on the site; the migration did not break it"));
            }
            return;
        }
        String a = PageComparison.mediaType(was.contentType());
        String b = PageComparison.mediaType(is.contentType());
        if (oldServes && !a.equals(b)) {
            out.add(Finding.blocking("asset", subject, "Content-Type " + a + " (" + old.named() + "), as linked from "
                    + page, "Content-Type " + b + " (" + now.named() + ")",
                    "copy the file to the new server; a fallback page may be answering in its place"));
        }
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }
}
