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
    void takesAMediaAnswersOwnSourceUrlNotThoseOfItsImageSizesThatComeFirst() {
        String media = "{\"id\":7,\"media_details\":{\"width\":320,\"sizes\":{\"medium\":{\"id\":99,"
                + "\"source_url\":\"http:\\/\\/a\\/photo-300x188.png\"},\"list\":[{\"link\":\"x\"}]}},"
                + "\"link\" : \"http:\\/\\/a\\/photo\\/\",\"source_url\":\"http:\\/\\/a\\/photo.png\"}";
        assertEquals(Optional.of("http://a/photo.png"), WordPressJson.string(media, "source_url"));
        assertEquals(Optional.of("http://a/photo/"), WordPressJson.string(media, "link"));
        assertEquals(Optional.of(7L), WordPressJson.number(media, "id"));
        assertTrue(WordPressJson.number(media, "width").isEmpty(), "a nested key is not the answer's");
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
