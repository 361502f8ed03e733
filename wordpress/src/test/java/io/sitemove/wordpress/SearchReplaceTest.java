package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The serialized-safe replace on the cases public tools have got wrong, judged by PHP's unserialize. */
class SearchReplaceTest {
    private static final String OLD = "https://old.example";
    private static final String NEW = "https://new-shop.example.net";
    private static final SearchReplace MOVE = SearchReplace.builder().replace(OLD, NEW).build();

    private static String s(String text) {
        return "s:" + text.getBytes(StandardCharsets.UTF_8).length + ":\"" + text + "\";";
    }

    /** Applies, checks the result against the expected bytes and that PHP reads it back to the same bytes. */
    private static SearchReplace.Outcome judged(SearchReplace r, String value, String expected) throws Exception {
        SearchReplace.Outcome o = r.apply(value);
        assertEquals(expected, o.text());
        byte[] bytes = expected.getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(bytes, StandardCharsets.ISO_8859_1), PhpJudge.reserialize(o.value()));
        return o;
    }

    @Test
    void recomputesTheByteLengthsOfAnArraysStrings() throws Exception {
        String value = "a:2:{s:4:\"home\";" + s(OLD + "/") + "s:3:\"ttl\";i:30;}";
        SearchReplace.Outcome o = judged(MOVE, value, "a:2:{s:4:\"home\";" + s(NEW + "/") + "s:3:\"ttl\";i:30;}");
        assertEquals(1, o.replacements());
    }

    @Test
    void rewritesSerializedStringsNestedInsideSerializedStrings() throws Exception {
        String inner = "a:1:{s:3:\"url\";" + s(OLD + "/inner") + "}";
        String middle = "a:1:{s:5:\"inner\";" + s(inner) + "}";
        String value = s(middle);
        String newInner = "a:1:{s:3:\"url\";" + s(NEW + "/inner") + "}";
        String expected = s("a:1:{s:5:\"inner\";" + s(newInner) + "}");
        assertEquals(1, judged(MOVE, value, expected).replacements());
    }

    @Test
    void countsMultibyteCharactersInBytesAcrossALengthChange() throws Exception {
        SearchReplace r = SearchReplace.builder().replace("old.example", "nouvéau-café.example").build();
        String value = "a:1:{i:0;" + s("Über https://old.example/straße ✓") + "}";
        String expected = "a:1:{i:0;" + s("Über https://nouvéau-café.example/straße ✓") + "}";
        judged(r, value, expected);
        assertTrue(expected.contains("s:48:"), expected);
    }

    @Test
    void replacesMultibyteSearchTextsWithShorterOnes() throws Exception {
        SearchReplace r = SearchReplace.builder().replace("café.example", "cafe.example").build();
        judged(r, s("https://café.example/é"), s("https://cafe.example/é"));
    }

    @Test
    void rewritesPrivateAndProtectedPropertiesOfAnUnknownClassAndNeverTheirNames() throws Exception {
        String priv = "\0Acme_Widget\0url";
        String prot = "\0*\0old.example";
        String value = "O:11:\"Acme_Widget\":3:{" + s(priv) + s(OLD) + s(prot) + s(OLD + "/p") + "s:4:\"size\";d:1.5;}";
        String expected = "O:11:\"Acme_Widget\":3:{" + s(priv) + s(NEW) + s(prot) + s(NEW + "/p") + "s:4:\"size\";d:1.5;}";
        SearchReplace r = SearchReplace.builder().replace(OLD, NEW).replace("old.example", "new.example").build();
        assertEquals(2, judged(r, value, expected).replacements());
    }

    @Test
    void neverRewritesKeysOrClassNames() throws Exception {
        SearchReplace r = SearchReplace.builder().replace("Widget", "Gadget").build();
        String value = "O:6:\"Widget\":1:{s:6:\"Widget\";a:1:{s:6:\"Widget\";" + s("Widget text") + "}}";
        String expected = "O:6:\"Widget\":1:{s:6:\"Widget\";a:1:{s:6:\"Widget\";" + s("Gadget text") + "}}";
        assertEquals(1, judged(r, value, expected).replacements());
    }

    @Test
    void aSearchTextInsideALengthPrefixOrANumberIsLeftAlone() throws Exception {
        SearchReplace r = SearchReplace.builder().replace("10", "2000").build();
        String value = "a:2:{i:10;s:10:\"abc10defgh\";s:3:\"k10\";d:10.5;}";
        String expected = "a:2:{i:10;s:12:\"abc2000defgh\";s:3:\"k10\";d:10.5;}";
        assertEquals(1, judged(r, value, expected).replacements());
    }

    @Test
    void booleansIntegersFloatsAndNullsAreUntouched() throws Exception {
        SearchReplace r = SearchReplace.builder().replace("1", "9").build();
        String value = "a:4:{s:1:\"b\";b:1;s:1:\"i\";i:1;s:1:\"d\";d:0.1;s:1:\"n\";N;}";
        SearchReplace.Outcome o = judged(r, value, value);
        assertEquals(0, o.replacements());
        assertFalse(o.changed());
    }

    @Test
    void jsonWithEscapedSlashesInsideASerializedString() throws Exception {
        String json = "{\"link\":\"https:\\/\\/old.example\\/shop\",\"raw\":\"https://old.example\"}";
        String expectedJson = "{\"link\":\"https:\\/\\/new-shop.example.net\\/shop\",\"raw\":\"https://new-shop.example.net\"}";
        SearchReplace.Outcome o = judged(MOVE, "a:1:{i:0;" + s(json) + "}", "a:1:{i:0;" + s(expectedJson) + "}");
        assertEquals(2, o.replacements());
    }

    @Test
    void jsonWithUnicodeEscapes() {
        SearchReplace r = SearchReplace.builder().replace("https://café.example", "https://bücher.example").build();
        assertEquals("{\"u\":\"https:\\/\\/b\\u00fccher.example\",\"v\":\"https:\\/\\/B\\u00FCcher.example\"}".replace("B", "b"),
                r.apply("{\"u\":\"https:\\/\\/caf\\u00e9.example\",\"v\":\"https:\\/\\/caf\\u00E9.example\"}").text());
    }

    @Test
    void aLookAlikeHoldingSerializedStructureIsLeftUnchangedAndReported() throws Exception {
        String broken = "a:1:{s:3:\"url\";s:99:\"" + OLD + "\";}";
        SearchReplace.Outcome o = MOVE.apply(broken);
        assertTrue(o.skipped());
        assertEquals(broken, o.text());
        assertEquals(0, o.replacements());
        assertTrue(o.skipReason().contains("does not parse"), o.skipReason());
    }

    @Test
    void aLookAlikeWithoutSerializedStructureGetsThePlainReplace() {
        SearchReplace.Outcome o = MOVE.apply("s: see " + OLD + " for a:b");
        assertEquals("s: see " + NEW + " for a:b", o.text());
        assertNull(o.skipReason());
    }

    @Test
    void aBrokenNestedStringLeavesTheWholeValueUnchangedAndReported() {
        String value = "a:2:{i:0;" + s(OLD) + "i:1;" + s("a:1:{i:0;s:50:\"" + OLD + "\";}") + "}";
        SearchReplace.Outcome o = MOVE.apply(value);
        assertTrue(o.skipped());
        assertEquals(value, o.text());
    }

    @Test
    void severalPairsInOnePassNeverReplaceAReplacement() throws Exception {
        SearchReplace swap = SearchReplace.builder().replace("a.example", "b.example").replace("b.example", "a.example").build();
        judged(swap, s("a.example b.example"), s("b.example a.example"));
    }

    @Test
    void theLongestSearchWinsAtAPosition() {
        SearchReplace r = SearchReplace.builder().replace("old.example", "new.example")
                .replace("http://old.example", "https://secure.example").build();
        assertEquals("https://secure.example and new.example", r.apply("http://old.example and old.example").text());
    }

    @Test
    void referencesStayReferencesToTheValueRewrittenOnce() throws Exception {
        String value = "a:2:{i:0;" + s(OLD) + "i:1;R:2;}";
        assertEquals(1, judged(MOVE, value, "a:2:{i:0;" + s(NEW) + "i:1;R:2;}").replacements());
        String objects = "a:2:{i:0;O:8:\"stdClass\":1:{s:1:\"u\";" + s(OLD) + "}i:1;r:2;}";
        judged(MOVE, objects, "a:2:{i:0;O:8:\"stdClass\":1:{s:1:\"u\";" + s(NEW) + "}i:1;r:2;}");
    }

    @Test
    void customSerializedPayloadsAreLeftWhole() {
        String payload = "x:i:0;" + s(OLD) + ";m:a:0:{}";
        String value = "a:2:{i:0;C:11:\"ArrayObject\":" + payload.length() + ":{" + payload + "}i:1;" + s(OLD) + "}";
        SearchReplace.Outcome o = MOVE.apply(value);
        assertEquals("a:2:{i:0;C:11:\"ArrayObject\":" + payload.length() + ":{" + payload + "}i:1;" + s(NEW) + "}", o.text());
        assertEquals(1, o.replacements());
    }

    @Test
    void caseSensitivityAsAsked() {
        assertEquals(0, MOVE.apply("HTTPS://OLD.EXAMPLE").replacements());
        SearchReplace r = MOVE.toBuilder().caseSensitive(false).build();
        assertEquals(NEW + "/x", r.apply("HTTPS://Old.Example/x").text());
    }

    @Test
    void urlEncodedValuesOnlyWhenOptedIn() {
        String value = "https%3A%2F%2Fold.example%2Fcart and https%3a%2f%2fold.example";
        assertSame(0, MOVE.apply(value).replacements());
        SearchReplace r = MOVE.toBuilder().urlEncoded(true).build();
        assertEquals("https%3A%2F%2Fnew-shop.example.net%2Fcart and https%3a%2f%2fnew-shop.example.net", r.apply(value).text());
    }

    @Test
    void base64ValuesOnlyWhenOptedIn() throws Exception {
        String inner = "a:1:{s:3:\"url\";" + s(OLD) + "}";
        String value = "a:1:{i:0;" + s(Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8))) + "}";
        assertEquals(0, MOVE.apply(value).replacements());
        SearchReplace r = MOVE.toBuilder().base64(true).build();
        String newInner = "a:1:{s:3:\"url\";" + s(NEW) + "}";
        judged(r, value, "a:1:{i:0;" + s(Base64.getEncoder().encodeToString(newInner.getBytes(StandardCharsets.UTF_8))) + "}");
    }

    @Test
    void theInverseUndoesTheReplace() {
        String value = "a:1:{i:0;" + s(OLD + "/a") + "}";
        String moved = MOVE.apply(value).text();
        assertEquals(value, MOVE.inverse().apply(moved).text());
        SearchReplace twoToOne = SearchReplace.builder().replace("a", "c").replace("b", "c").build();
        assertThrows(IllegalStateException.class, twoToOne::inverse);
    }

    @Test
    void aValueWithoutTheSearchTextIsReturnedAsItIs() {
        byte[] v = "a:1:{i:0;s:3:\"abc\";}".getBytes(StandardCharsets.UTF_8);
        assertSame(v, MOVE.apply(v).value());
    }

    @Test
    void theBuilderRefusesBadInput() {
        SearchReplace.Builder b = SearchReplace.builder();
        assertEquals("search cannot be null", assertThrows(NullPointerException.class, () -> b.replace(null, "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.replace("", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.replace("x", "x"));
        assertThrows(IllegalStateException.class, b::build);
        b.replace("x", "y");
        assertThrows(IllegalStateException.class, () -> b.replace("x", "z"));
        assertTrue(b.skipColumns("guid").build().skipsColumn("wp_posts", "guid"));
    }
}
