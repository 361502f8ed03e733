package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WordPressJsonTest {

    private static final String POST = "{\"id\":42,\"content\":{\"rendered\":\"<a \\\"link\\\":\\\"x\\\">\"},"
            + "\"link\":\"http:\\/\\/127.0.0.2:8080\\/2026\\/12\\/04\\/caf\\u00e9\\/\",\"author\":1,"
            + "\"_links\":{\"self\":[{\"href\":\"http:\\/\\/127.0.0.2:8080\\/wp-json\\/wp\\/v2\\/posts\\/42\"}]}}";

    @Test
    void readsTheTopLevelIdAndLinkWithTheirEscapesDecoded() {
        assertEquals(Optional.of(42L), WordPressJson.number(POST, "id"));
        assertEquals(Optional.of("http://127.0.0.2:8080/2026/12/04/café/"), WordPressJson.string(POST, "link"));
    }

    @Test
    void doesNotTakeAKeyQuotedInsideAStringForAField() {
        String json = "{\"content\":\"say \\\"source_url\\\":\\\"evil\\\"\",\"source_url\":\"http:\\/\\/a\\/b.png\"}";
        assertEquals(Optional.of("http://a/b.png"), WordPressJson.string(json, "source_url"));
        assertTrue(WordPressJson.number("{\"name\":\"x\"}", "id").isEmpty());
    }

    @Test
    void decodesEveryEscapeJsonHas() {
        assertEquals("a\"b\\c/d\ne\tf\u00e9", WordPressJson.decode("a\\\"b\\\\c\\/d\\ne\\tf\\u00e9"));
    }

    @Test
    void refusesMissingArgumentsAndFileNamesThatCouldBreakTheHeader() {
        WordPressHttp http = new WordPressHttp(URI.create("http://127.0.0.2:1/"), "admin", "secret");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> http.createPost(null, "x"));
        assertEquals("title cannot be null", npe.getMessage());
        assertThrows(NullPointerException.class, () -> http.createPost("t", "x", (long[]) null));
        assertThrows(NullPointerException.class, () -> http.uploadMedia("a.png", "image/png", null));
        assertThrows(IllegalArgumentException.class, () -> http.uploadMedia("a\".png", "image/png", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> http.uploadMedia("../a.png", "image/png", new byte[1]));
        assertThrows(NullPointerException.class, () -> http.login("admin", null));
    }
}
