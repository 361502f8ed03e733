package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WebServer;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page checks against the testkit's real nginx and php-fpm: the old site on 127.0.0.2, its copy on
 * 127.0.0.3, both asked for under the site's name, pinned by default to the context's source and target.
 */
@WithTestkit(ssh = false, mariaDb = false, dns = false, web = true)
class HttpVerifierIT {
    private static final String OLD = "old server 127.0.0.2";
    private static final String NEW = "new server 127.0.0.3";
    private final Testkit kit;
    private WebServer old;
    private WebServer web;
    private SitePages site;

    HttpVerifierIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenTheSiteOnBothServers() throws IOException {
        old = kit.oldWeb();
        web = kit.newWeb();
        site = new SitePages(old, web);
        site.both("site.css", "h1 { color: red; }\n").both("app.js", "console.log(1);\n").bytesOnBoth("logo.png",
                SitePages.PNG);
    }

    private static Verification run(HttpVerifier verifier, VerifyStage stage) {
        return verifier.verify(Contexts.withoutSsh(stage));
    }

    private static Finding only(Verification result, String check) {
        List<Finding> of = result.findings().stream().filter(f -> f.check().equals(check)).toList();
        assertEquals(1, of.size(), result.findings().toString());
        return of.get(0);
    }

    @Test
    void aFaithfulCopyPassesIncludingWordPressesRedirectToThePrettyUrlAndALogin() throws IOException {
        site.both("shop.php", SitePages.shopPage("Shop")).both("login.php", SitePages.loginPhp("s3cret-word"))
                .both("account.php", SitePages.accountPhp());
        HttpVerifier verifier = HttpVerifier.builder()
                .urls(site.root("/"), site.root("/?p=1"), site.http("shop.php"))
                .selectors("h1", ".price")
                .scenario(login("s3cret-word"))
                .build();

        Contexts.Ctx ctx = Contexts.withoutSsh(VerifyStage.CUTOVER);
        Verification result = verifier.verify(ctx);

        assertTrue(result.findings().isEmpty(), result.findings().toString());
        assertEquals(3, ctx.reported().get(ctx.reported().size() - 1).files(), "pages compared, as progress");
        assertEquals("3 page(s) alike between the " + OLD + " and the " + NEW + ", 4 asset(s), 0 of 1 scenario(s) failed",
                result.summary());
    }

    private Scenario login(String password) {
        return Scenario.builder("login", site.http(""))
                .get(site.dir + "/login.php").expectStatus(200).expectSelector("form#login")
                .post(site.dir + "/login.php").field("user", "admin").field("password", Secret.of(password))
                .expectSelector("#who", "admin").expectCookie("PHPSESSID")
                .get(site.dir + "/account.php").expectStatus(200)
                .build();
    }

    @Test
    void aPageThatFailsWith500OnTheNewServerIsCaughtNamingTheUrl() throws IOException {
        site.both("shop.php", SitePages.shopPage("Shop"))
                .onOld("cart.php", "<title>Cart</title>empty").onNew("cart.php", "<?php http_response_code(500); echo 'PHP Fatal error';\n");
        HttpVerifier verifier = HttpVerifier.builder().urls(site.http("shop.php"), site.http("cart.php")).build();

        Verification result = run(verifier, VerifyStage.FUNCTIONAL);

        assertFalse(result.passed());
        Finding status = only(result, "status");
        assertEquals(site.http("cart.php"), status.subject());
        assertEquals("status 200 (" + OLD + ")", status.expected());
        assertEquals("status 500 (" + NEW + "), body: 'PHP Fatal error'", status.actual());
        assertEquals(List.of(status), result.findings(), "the other page is alike");
        assertEquals("1 of 2 page(s) differ between the " + OLD + " and the " + NEW + ", 3 asset(s)", result.summary());
    }

    @Test
    void atTheCutoverAPageTheOldServerAnswersWithItsMaintenancePageIsCheckedOnTheNewServerAlone()
            throws IOException {
        String maintenance = "<?php http_response_code(503); header('Retry-After: 600');"
                + " echo '<title>Maintenance</title>Briefly unavailable for scheduled maintenance.';\n";
        site.onOld("shop.php", maintenance).onNew("shop.php", SitePages.shopPage("Shop"))
                .onOld("cart.php", maintenance).onNew("cart.php", maintenance);
        HttpVerifier shop = HttpVerifier.builder().url(site.http("shop.php")).build();
        HttpVerifier cart = HttpVerifier.builder().url(site.http("cart.php")).build();

        Verification cutover = run(shop, VerifyStage.CUTOVER);
        Verification functional = run(shop, VerifyStage.FUNCTIONAL);
        Verification bothInMaintenance = run(cart, VerifyStage.CUTOVER);

        assertTrue(cutover.findings().isEmpty(), cutover.findings().toString());
        assertTrue(cutover.summary().contains("1 page(s) checked on the new server alone, the old server in"
                + " maintenance (503)"), cutover.summary());
        assertEquals("status 503 (" + OLD + ")", only(functional, "status").expected(),
                "before the cutover the old server is not in maintenance: a 503 there is a difference");
        Finding status = only(bothInMaintenance, "status");
        assertTrue(status.blocks(), status.toText());
        assertEquals(site.http("cart.php"), status.subject());
        assertTrue(status.actual().startsWith("status 503 (" + NEW + ")"), status.toText());
        assertTrue(status.remedy().contains("maintenance marker was not copied"), status.toText());
    }

    @Test
    void aTitleThatDiffersIsCaughtNamingTheUrlAndBothTitles() throws IOException {
        site.onOld("shop.php", SitePages.shopPage("Shop")).onNew("shop.php", SitePages.shopPage("Shop (staging)"));
        HttpVerifier verifier = HttpVerifier.builder().url(site.http("shop.php")).build();

        Verification result = run(verifier, VerifyStage.FUNCTIONAL);

        Finding title = only(result, "title");
        assertEquals(site.http("shop.php"), title.subject());
        assertEquals("title 'Shop' (" + OLD + ")", title.expected());
        assertEquals("title 'Shop (staging)' (" + NEW + ")", title.actual());
        assertTrue(title.blocks());
        assertFalse(result.passed());
    }

    @Test
    void aMissingImageOnTheNewServerIsCaughtNamingTheImageAndThePage() throws IOException {
        site.both("shop.php", SitePages.shopPage("Shop")).bytesOnOld("photo.png", SitePages.PNG)
                .both("photo.php", "<title>Photo</title><img src=\"photo.png\" alt=\"photo\">");
        HttpVerifier verifier = HttpVerifier.builder().urls(site.http("shop.php"), site.http("photo.php")).build();

        Verification result = run(verifier, VerifyStage.FUNCTIONAL);

        Finding asset = only(result, "asset");
        assertEquals(site.http("photo.png"), asset.subject());
        assertEquals("status 2xx, as linked from " + site.http("photo.php") + " (the " + OLD + " answers status 200)",
                asset.expected());
        assertEquals("status 404 (" + NEW + ")", asset.actual());
        assertEquals(List.of(asset), result.findings(), "the pages themselves are alike");
    }

    @Test
    void aLoginThatFailsOnTheNewServerIsCaughtNamingTheStepAndNeverThePassword() throws IOException {
        site.onOld("login.php", SitePages.loginPhp("s3cret-word")).onNew("login.php", SitePages.loginPhp("other-hash"))
                .both("account.php", SitePages.accountPhp());
        HttpVerifier verifier = HttpVerifier.builder().url(site.http("account.php")).scenario(login("s3cret-word"))
                .build();

        Verification result = run(verifier, VerifyStage.FUNCTIONAL);

        Finding step = only(result, "scenario");
        assertEquals("scenario login step 2 (POST " + site.dir + "/login.php)", step.subject());
        assertEquals("an element '#who' containing 'admin'", step.expected());
        assertTrue(step.actual().startsWith("no such element; status 200, body: '<title>Log in</title><p class=\"error\">"
                + "Wrong password</p>' (" + NEW + "); the " + OLD + " passes this step"), step.actual());
        assertTrue(step.blocks());
        assertFalse(Finding.toJson(result.findings()).contains("s3cret-word"));
        assertTrue(result.summary().endsWith("1 of 1 scenario(s) failed"), result.summary());
    }

    @Test
    void overHttpsThePagesPassWithTheTestCaAndFailClearlyWithoutIt() throws IOException {
        site.both("shop.php", SitePages.shopPage("Shop"));
        HttpVerifier trusting = HttpVerifier.builder().url(site.https("shop.php")).trustCa(web.caFile()).build();
        HttpVerifier jdkOnly = HttpVerifier.builder().url(site.https("shop.php")).build();

        Verification passed = run(trusting, VerifyStage.CUTOVER);
        Verification refused = run(jdkOnly, VerifyStage.CUTOVER);

        assertTrue(passed.findings().isEmpty(), passed.findings().toString());
        assertEquals("1 page(s) alike between the " + OLD + " and the " + NEW + ", 3 asset(s)", passed.summary());
        Finding tls = only(refused, "fetch");
        assertEquals(site.https("shop.php"), tls.subject());
        assertTrue(tls.actual().startsWith("GET " + site.https("shop.php") + " via 127.0.0.3:" + web.httpsPort()
                + ": TLS failed: "), tls.actual());
        assertTrue(tls.actual().contains("the old server fails too"), tls.actual());
        assertTrue(tls.blocks());
    }

    @Test
    void discoveryReadsTheSitemapIndexAndTheHomePageAndCatchesAFaultOnAPageFoundThere() throws IOException {
        site.both("a.php", "<title>A</title>").both("b.php", "<title>B</title>")
                .onOld("c.php", "<title>C</title>").onNew("c.php", "<title>C?</title>")
                .atRootOfBoth("wp-sitemap.xml", "<?xml version=\"1.0\"?><sitemapindex><sitemap><loc>"
                        + site.root("/wp-sitemap-posts-1.xml") + "</loc></sitemap></sitemapindex>")
                .atRootOfBoth("wp-sitemap-posts-1.xml", "<?xml version=\"1.0\"?><urlset>"
                        + "<url><loc>" + site.http("a.php") + "</loc></url><url><loc>" + site.http("b.php") + "</loc></url>"
                        + "<url><loc>" + site.http("c.php") + "</loc></url><url><loc>http://elsewhere.example.org/x</loc></url>"
                        + "</urlset>");
        HttpVerifier verifier = HttpVerifier.builder().url(site.http("a.php")).discover(20).build();

        Verification result = run(verifier, VerifyStage.FUNCTIONAL);

        Finding title = only(result, "title");
        assertEquals(site.http("c.php"), title.subject());
        assertEquals(List.of(title), result.blocking(), "the body differs too, a warning at FUNCTIONAL");
        assertEquals("1 of 6 page(s) differ between the " + OLD + " and the " + NEW + ", 1 asset(s)", result.summary(),
                "a, b and c from the sitemap; the home page, /?p=1 and /hello-world/ from its links");
    }

    @Test
    void preflightFetchesTheFirstUrlFromBothServers() throws IOException {
        site.both("shop.php", SitePages.shopPage("Shop"));
        HttpVerifier open = HttpVerifier.builder().url(site.http("shop.php")).build();
        HttpVerifier shut = HttpVerifier.builder().url(site.http("shop.php")).pinNew("127.0.0.3", 9).build();

        List<CheckResult> ok = open.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
        List<CheckResult> refused = shut.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
        assertTrue(refused.get(0).passed(), refused.toString());
        assertFalse(refused.get(1).passed());
        assertEquals("pages answer on the new server 127.0.0.3:9", refused.get(1).check());
    }
}
