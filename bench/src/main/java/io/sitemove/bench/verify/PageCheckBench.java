package io.sitemove.bench.verify;

import io.sitemove.Server;
import io.sitemove.bench.BenchContext;
import io.sitemove.bench.Timing;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.WebServer;
import io.sitemove.verify.HttpVerifier;
import io.sitemove.verify.HttpVerifierBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The "pages-100" case of the verify suite: 100 PHP pages written on both web servers, compared by
 * {@link HttpVerifier} (both sides fetched, title, selectors, normalised digest, headers, the pages' image
 * and style sheet), against {@code curl} fetching the same URLs from both sides in parallel, which compares
 * nothing. Goal: under 5 s for sitemove. Needs the testkit's web servers.
 */
public final class PageCheckBench {
    private static final String SUITE = "verify";
    private static final String CASE = "pages-100";
    private static final String SITE = "site.example.test";
    private static final int PAGES = 100;
    private static final double GOAL_SECONDS = 5.0;

    private PageCheckBench() {
    }

    /** Writes the pages, times both ways in turns, checks both saw every page, prints the BENCH lines. */
    public static void run(BenchContext ctx) throws Exception {
        WebServer old = ctx.kit().oldWeb();
        WebServer web = ctx.kit().newWeb();
        List<String> urls = writePages(old, web);
        HttpVerifier verifier = verifier(urls);
        VerifyContext vctx = new Ctx(Server.builder("old").host(old.host()).build(),
                Server.builder("new").host(web.host()).build());
        check(verifier.verify(vctx));
        curlBoth(ctx.workDir(), urls, old, web);
        int runs = ctx.quick() ? 3 : 7;
        List<Double> ours = new ArrayList<>();
        List<Double> curls = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            Timing.inTurns(round, List.of(
                    () -> ours.add(Timing.seconds(() -> check(verifier.verify(vctx)))),
                    () -> curls.add(Timing.seconds(() -> curlBoth(ctx.workDir(), urls, old, web)))));
        }
        double s = Timing.median(ours);
        ctx.out().note(String.format(Locale.ROOT, "verify: %d pages on both servers, %d run(s); curl fetches only,"
                + " sitemove compares status, redirects, title, selectors, digest, headers and assets", PAGES, runs));
        ctx.out().compare(SUITE, CASE, s, "curl", Timing.median(curls));
        ctx.out().figure(SUITE, CASE, "goal", s < GOAL_SECONDS ? "met(<5s)" : "missed(<5s)");
    }

    private static HttpVerifier verifier(List<String> urls) {
        HttpVerifierBuilder b = HttpVerifier.builder().name("pages-bench").selectors("h1", ".price");
        urls.forEach(b::url);
        return b.build();
    }

    private static List<String> writePages(WebServer old, WebServer web) throws Exception {
        List<String> urls = new ArrayList<>();
        for (WebServer side : List.of(old, web)) {
            Path dir = Files.createDirectories(side.docroot().resolve("bench-pages"));
            Files.writeString(dir.resolve("site.css"), "h1 { font-weight: bold; }\n");
            Files.write(dir.resolve("logo.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'});
            for (int i = 0; i < PAGES; i++) {
                Files.writeString(dir.resolve("p" + i + ".php"), page(i));
            }
        }
        for (int i = 0; i < PAGES; i++) {
            urls.add("http://" + SITE + ":" + web.port() + "/bench-pages/p" + i + ".php");
        }
        return urls;
    }

    private static String page(int i) {
        return "<?php header('Content-Type: text/html; charset=utf-8'); header('Cache-Control: max-age=60'); ?>\n"
                + "<html><head><title>Product " + i + "</title><link rel=\"stylesheet\" href=\"site.css?ver=<?= time() ?>\">"
                + "</head><body><h1>Product " + i + "</h1><p class=\"price\">" + (10 + i) + ".00 EUR</p>"
                + "<img src=\"logo.gif\"><p>" + "Lorem ipsum dolor sit amet. ".repeat(40) + "</p>"
                + "<p>Rendered <?= date('c') ?></p></body></html>\n";
    }

    private static void check(Verification result) {
        if (!result.passed() || !result.findings().isEmpty()) {
            throw new IllegalStateException("the page check of identical sides did not pass: " + result.summary() + " "
                    + result.findings().stream().limit(5).map(f -> f.toText()).toList());
        }
    }

    /** Fetches every URL from both servers with curl, the sides at once, 4 transfers at a time each. */
    private static void curlBoth(Path work, List<String> urls, WebServer old, WebServer web) throws Exception {
        Process a = curl(work, urls, old);
        Process b = curl(work, urls, web);
        for (Process p : List.of(a, b)) {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("curl did not finish within 60 s");
            }
            String codes = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            long ok = codes.lines().filter("200"::equals).count();
            if (p.exitValue() != 0 || ok != urls.size()) {
                throw new IllegalStateException("curl got " + ok + " of " + urls.size() + " pages with status 200");
            }
        }
    }

    private static Process curl(Path work, List<String> urls, WebServer side) throws Exception {
        Files.createDirectories(work);
        Path config = work.resolve("curl-" + side.name() + ".conf");
        StringBuilder sb = new StringBuilder();
        for (String url : urls) {
            sb.append("url = \"").append(url).append("\"\noutput = \"/dev/null\"\n");
        }
        Files.writeString(config, sb.toString());
        return new ProcessBuilder("curl", "-s", "--parallel", "--parallel-max", "4", "--max-time", "30",
                "--resolve", SITE + ":" + side.port() + ":" + side.host(), "-w", "%{http_code}\\n", "-K", config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The context of the bench's verifications: the two web servers' addresses, the cutover stage. */
    private record Ctx(Server source, Server target) implements VerifyContext {
        @Override
        public String site() {
            return "bench";
        }

        @Override
        public VerifyStage stage() {
            return VerifyStage.CUTOVER;
        }

        @Override
        public ProgressReporter progress() {
            return (done, total) -> { };
        }
    }
}
