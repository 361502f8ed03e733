package io.sitemove.verify;

import io.sitemove.remote.PluginNames;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.http.Page;
import io.sitemove.verify.internal.pages.PageRun;
import io.sitemove.verify.internal.pages.PageSettings;
import io.sitemove.verify.internal.pages.Side;
import io.sitemove.verify.internal.pages.Sides;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proves the new site's pages are the old site's: each URL is fetched from the old and from the new server
 * (Apache HttpClient 5, the site's host name pinned to each server's address by the client's own resolver, so
 * URL, {@code Host}, TLS SNI and certificate checks are what visitors get) and compared: status, redirect chain,
 * {@code <title>}, chosen CSS selectors' texts, a body digest normalised for what changes on every load, and the
 * headers that matter (content type, caching, cookie names). The images, style sheets and scripts pages link
 * on their own host must answer on the new server. {@link Scenario}s run scripted steps (a form post, a login)
 * on the new server.
 *
 * <p>At FUNCTIONAL it also discovers URLs (sitemaps and the home page's links) and measures latency when
 * asked; a body that differs is a warning there (the live source may show newer content) and blocking at
 * CUTOVER, when the source is read-only. At CUTOVER a page the old server answers with its maintenance page
 * (status 503, as {@code WordPressMaintenance} and most maintenance modes do) cannot be compared: the new
 * server's page is then checked alone, and must be served (a 5xx or a failed fetch blocks). Every fetch is bounded; timeouts, redirect loops, huge bodies and
 * TLS failures are findings. Findings name the URL as their subject, with the checks {@code status},
 * {@code redirects}, {@code title}, {@code selector}, {@code body}, {@code header}, {@code asset},
 * {@code latency}, {@code fetch} and {@code scenario}.
 *
 * <pre>{@code
 * Verifier pages = HttpVerifier.builder()
 *     .url("https://shop.example.com/")
 *     .url("https://shop.example.com/?p=1")
 *     .trustCa(Path.of("/etc/ssl/staging-ca.pem"))
 *     .selectors("h1", ".price")
 *     .normalise("data-request-id=\"[0-9a-f]+\"", "data-request-id=\"ID\"")
 *     .discover(50)
 *     .latency(5, 1.5, Duration.ofMillis(100))
 *     .scenario(Scenario.builder("login", "https://shop.example.com/")
 *         .post("/wp-login.php").field("log", "editor").field("pwd", Secret.of(password))
 *         .expectCookie("wordpress_logged_in").build())
 *     .build();
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class HttpVerifier implements Verifier {
    private final String name;
    private final Set<VerifyStage> stages;
    private final PageSettings settings;
    private final List<Scenario> scenarios;

    HttpVerifier(HttpVerifierBuilder b) {
        this.name = b.name;
        this.stages = Set.copyOf(b.stages);
        this.settings = b.settings();
        this.scenarios = List.copyOf(b.scenarios);
    }

    /** Starts a verifier; at least one {@link HttpVerifierBuilder#url(String)} is needed. */
    public static HttpVerifierBuilder builder() {
        return new HttpVerifierBuilder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<VerifyStage> stages() {
        return stages;
    }

    /** The URLs given, in order (discovery may add more at run time). */
    public List<URI> urls() {
        return settings.urls();
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        Findings out = new Findings();
        try (Sides sides = Sides.open(settings, ctx, hosts())) {
            PageRun.Outcome pages = new PageRun(settings).run(sides, ctx.stage(), ctx.progress(), out);
            int failedScenarios = ScenarioRunner.run(scenarios, sides, out);
            return Verification.of(name, summary(pages, failedScenarios, sides, out), out.list(), since(start));
        } catch (UnknownHostException e) {
            out.add(Finding.blocking("fetch", e.getMessage(), "a server address that resolves", "unknown host",
                    "pin the servers to their IP addresses with pinOld/pinNew, or fix the servers' host names"));
            return Verification.of(name, "pages not compared: a server's address does not resolve", out.list(),
                    since(start));
        }
    }

    private String summary(PageRun.Outcome pages, int failedScenarios, Sides sides, Findings out) {
        String between = " between the " + sides.old().named() + " and the " + sides.now().named();
        String also = (pages.assets() > 0 ? ", " + pages.assets() + " asset(s)" : "")
                + (pages.alone() > 0 ? ", " + pages.alone() + " page(s) checked on the new server alone, the old"
                + " server in maintenance (503)" : "")
                + (scenarios.isEmpty() ? "" : ", " + failedScenarios + " of " + scenarios.size() + " scenario(s) failed");
        if (out.isEmpty()) {
            return pages.pages() + " page(s) alike" + between + also;
        }
        return pages.differing() + " of " + pages.pages() + " page(s) differ" + between + also;
    }

    private List<URI> hosts() {
        List<URI> all = new ArrayList<>(settings.urls());
        for (Scenario s : scenarios) {
            all.add(s.base());
        }
        return all;
    }

    /** Fetches the first URL from both servers: passes when each gives a complete answer, whatever its status. */
    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        URI first = settings.urls().get(0);
        List<CheckResult> results = new ArrayList<>();
        try (Sides sides = Sides.open(settings, ctx, hosts())) {
            for (Side side : List.of(sides.old(), sides.now())) {
                Page page = side.fetch(first);
                String check = "pages answer on the " + side.named();
                results.add(page.complete() ? CheckResult.pass(name, check, "GET " + first + ": status " + page.status())
                        : CheckResult.fail(name, check, page.failure().get().words()
                                + "; start the web server or fix the pinned address"));
            }
        } catch (UnknownHostException e) {
            results.add(CheckResult.fail(name, "server addresses resolve", e.getMessage()
                    + " does not resolve; pin the servers to their IP addresses"));
        }
        return results;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public String toString() {
        return name + " " + settings.urls();
    }

    static String checkedName(String name) {
        return PluginNames.check(name);
    }
}
