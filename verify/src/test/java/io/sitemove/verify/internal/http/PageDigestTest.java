package io.sitemove.verify.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageDigestTest {
    private static final String BASE = "http://shop.example.test/";

    private static String page(String nonce, String ver, String time) {
        return "<html><head><title> Shop &amp; Co </title>"
                + "<link rel='stylesheet' href='/wp-content/style.css?ver=" + ver + "'></head><body>"
                + "<h1>Welcome</h1><p class='price'>9.90</p><p class='price'>12.00</p>"
                + "<a href='/wp-admin/post.php?action=trash&amp;_wpnonce=" + nonce + "'>x</a>"
                + "<script>var wpApiSettings = {\"nonce\":\"" + nonce + "\"};</script>"
                + "<footer>Generated " + time + "</footer></body></html>";
    }

    private static PageFacts facts(PageDigest digest, String html) {
        return digest.of(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", BASE);
    }

    @Test
    void readsTheTitleAndTheChosenSelectorsInOrder() {
        PageDigest digest = PageDigest.builder().select(".price", "h1", "nav").build();

        PageFacts facts = facts(digest, page("a1b2c3d4e5", "6.4.2", "2026-12-03T17:43:08Z"));

        assertEquals("Shop & Co", facts.title());
        assertEquals(List.of(new PageFacts.Selected(".price", List.of("9.90", "12.00")),
                new PageFacts.Selected("h1", List.of("Welcome")), new PageFacts.Selected("nav", List.of())),
                facts.selected());
    }

    @Test
    void twoLoadsThatDifferOnlyInNoncesCacheBustersAndTimesDigestAlike() {
        PageDigest digest = PageDigest.builder().build();

        PageFacts first = facts(digest, page("a1b2c3d4e5", "6.4.2", "2026-12-03T17:43:08Z"));
        PageFacts second = facts(digest, page("ffee001122", "6.5", "2026-12-04 09:00:01.123+01:00"));
        PageFacts other = facts(digest, page("a1b2c3d4e5", "6.4.2", "2026-12-03T17:43:08Z").replace("9.90", "9.99"));

        assertEquals(first.sha256(), second.sha256());
        assertNotEquals(first.sha256(), other.sha256());
    }

    @Test
    void theDigestIsTheSha256OfTheNormalisedText() throws Exception {
        PageDigest digest = PageDigest.builder().build();
        String html = page("a1b2c3d4e5", "6.4.2", "Thu, 03 Dec 2026 17:43:08 GMT");

        String normalised = digest.normalised(html);

        assertTrue(normalised.contains("_wpnonce=NONCE'") && normalised.contains("{\"nonce\":\"NONCE\"}")
                && normalised.contains("style.css?ver=VER'") && normalised.contains("Generated TIMESTAMP<"),
                normalised);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, facts(digest, html).sha256());
    }

    @Test
    void aCallerAddsRulesOrReplacesTheDefaults() {
        String a = "<p data-request-id=\"9f8e\">x</p>?ver=1";
        String b = "<p data-request-id=\"0a1b\">x</p>?ver=2";
        PageDigest extended = PageDigest.builder().rule("data-request-id=\"[0-9a-f]+\"", "data-request-id=\"ID\"").build();
        PageDigest bare = PageDigest.builder().withoutDefaultRules()
                .rule("data-request-id=\"[0-9a-f]+\"", "data-request-id=\"ID\"").build();

        assertEquals(facts(extended, a).sha256(), facts(extended, b).sha256());
        assertNotEquals(facts(bare, a).sha256(), facts(bare, b).sha256());
        assertEquals("<p data-request-id=\"ID\">x</p>?ver=1", bare.normalised(a));
    }

    @Test
    void decodesTheBodyWithTheCharsetTheContentTypeNames() {
        byte[] latin1 = "<title>Caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);

        PageFacts facts = PageDigest.builder().build().of(latin1, "text/html; charset=ISO-8859-1", BASE);

        assertEquals("Caf\u00e9", facts.title());
    }

    @Test
    void refusesABadSelectorOrRegexWithItsError() {
        IllegalArgumentException selector = assertThrows(IllegalArgumentException.class,
                () -> PageDigest.builder().select("p[[["));
        assertTrue(selector.getMessage().startsWith("bad CSS selector 'p[[[': "), selector.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PageDigest.builder().rule("(unclosed", "x"));
    }
}
