package io.sitemove.verify.internal.pages;

import io.sitemove.Counts;
import io.sitemove.spi.Finding;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyStage;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.http.Page;
import io.sitemove.verify.internal.http.PageDigest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the page checks: discovery (at FUNCTIONAL), each URL fetched from both servers and compared,
 * the assets the pages link, and latency (at FUNCTIONAL, when asked for).
 */
public final class PageRun {
    private final PageSettings settings;
    private final PageDigest digest;

    /** A run with these settings. */
    public PageRun(PageSettings settings) {
        this.settings = settings;
        PageDigest.Builder b = PageDigest.builder().select(settings.selectors().toArray(String[]::new));
        settings.rules().forEach(r -> b.rule(r.pattern().pattern(), r.replacement()));
        this.digest = b.build();
    }

    /**
     * Compares the pages on both sides, adding what differs to {@code out} and reporting the pages compared
     * (as files, with the bytes read from both sides) every ten pages and at the end.
     */
    public Outcome run(Sides sides, VerifyStage stage, ProgressReporter progress, Findings out) {
        List<URI> urls = urls(sides.old(), stage);
        List<CompletableFuture<Page>> olds = new ArrayList<>();
        List<CompletableFuture<Page>> news = new ArrayList<>();
        for (URI url : urls) {
            olds.add(sides.old().fetchLater(url));
            news.add(sides.now().fetchLater(url));
        }
        Finding.Severity body = stage == VerifyStage.CUTOVER ? Finding.Severity.BLOCKING : Finding.Severity.WARNING;
        PageComparison comparison = new PageComparison(digest, body, sides.old(), sides.now());
        Map<URI, URI> assets = new LinkedHashMap<>();
        int differing = 0;
        int alone = 0;
        long bytes = 0;
        for (int i = 0; i < urls.size(); i++) {
            Page old = olds.get(i).join();
            Page now = news.get(i).join();
            bytes += old.body().length + now.body().length;
            if ((i + 1) % 10 == 0 || i == urls.size() - 1) {
                progress.report(Counts.files(i + 1, bytes), Counts.files(urls.size(), 0));
            }
            long before = out.total();
            if (stage == VerifyStage.CUTOVER && PageComparison.inMaintenance(old)) {
                alone++;
                comparison.servedAlone(urls.get(i), old, now, out);
            } else {
                comparison.compare(urls.get(i), old, now, out);
            }
            differing += out.total() > before ? 1 : 0;
            if (settings.assets()) {
                collectAssets(now, assets, urls);
            }
        }
        int assetCount = AssetCheck.run(assets, sides.old(), sides.now(), out);
        if (stage == VerifyStage.FUNCTIONAL && settings.latency().isPresent()) {
            LatencyCheck.run(urls, settings.latency().get(), sides.old(), sides.now(), out);
        }
        return new Outcome(urls.size(), differing, assetCount, alone);
    }

    private List<URI> urls(Side old, VerifyStage stage) {
        Set<URI> all = new LinkedHashSet<>(settings.urls());
        if (stage == VerifyStage.FUNCTIONAL && settings.discover() > 0) {
            all.addAll(Discovery.urls(old, settings.urls().get(0), settings.discover(), all));
        }
        return List.copyOf(all);
    }

    /** The assets the new server's page links: what its visitors' browsers load. */
    private static void collectAssets(Page page, Map<URI, URI> assets, List<URI> pages) {
        if (page.complete() && page.status() == 200 && PageComparison.mediaType(page.contentType()).contains("html")) {
            for (URI asset : Links.assets(page)) {
                if (!pages.contains(asset)) {
                    assets.putIfAbsent(asset, page.uri());
                }
            }
        }
    }

    /**
     * What a run covered.
     *
     * @param pages how many URLs were compared
     * @param differing how many of them had a finding
     * @param assets how many assets were checked
     * @param alone how many pages were checked on the new server alone at the cutover, the old server answering
     *     with its maintenance page (503)
     */
    public record Outcome(int pages, int differing, int assets, int alone) {
    }
}
