package io.sitemove.verify.internal.pages;

import io.sitemove.spi.Finding;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.http.Page;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Times a few requests per URL on both servers and finds the URLs the new server is too slow for. */
final class LatencyCheck {
    private LatencyCheck() {
    }

    /** Measures each URL on both sides, then adds a finding for each whose new p95 exceeds what {@code rule} allows. */
    static void run(List<URI> urls, PageSettings.LatencyRule rule, Side old, Side now, Findings out) {
        List<CompletableFuture<List<Duration>>> olds = new ArrayList<>();
        List<CompletableFuture<List<Duration>>> news = new ArrayList<>();
        for (URI url : urls) {
            olds.add(times(old, url, rule.requests()));
            news.add(times(now, url, rule.requests()));
        }
        for (int i = 0; i < urls.size(); i++) {
            List<Duration> a = olds.get(i).join();
            List<Duration> b = news.get(i).join();
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            Duration allowed = rule.allowed(percentile(a, 95));
            Duration p95 = percentile(b, 95);
            if (p95.compareTo(allowed) > 0) {
                out.add(Finding.blocking("latency", urls.get(i).toString(), "p95 at most " + ms(allowed) + " (" + old.named()
                        + ": p50 " + ms(percentile(a, 50)) + ", p95 " + ms(percentile(a, 95)) + ", times "
                        + rule.factor() + " plus " + ms(rule.slack()) + ")", "p95 " + ms(p95) + ", p50 "
                        + ms(percentile(b, 50)) + " (" + now.named() + ", " + b.size() + " requests)",
                        "tune the new server (PHP-FPM workers, opcache, database) or allow more in the plan"));
            }
        }
    }

    private static CompletableFuture<List<Duration>> times(Side side, URI url, int n) {
        CompletableFuture<List<Duration>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            all = all.thenCompose(list -> side.fetchLater(url).thenApply(page -> add(list, page)));
        }
        return all;
    }

    private static List<Duration> add(List<Duration> list, Page page) {
        if (page.complete()) {
            list.add(page.elapsed());
        }
        return list;
    }

    /** The nearest-rank percentile of {@code times}, which is not empty. */
    static Duration percentile(List<Duration> times, int p) {
        List<Duration> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
