package io.sitemove.verify.internal.tree;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.verify.internal.Printable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeListingParserTest {
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "0123456789abcdef".repeat(4);

    private static final String ROOT = nul("d", "755", "root:root", "4096", "1700000000.5", "1700000009.1", "", "");

    @Test
    void parsesTheRootAndEntriesOfEveryKindWithWholeSecondTimes() {
        byte[] out = bytes(ROOT
                + nul("d", "755", "www-data:www-data", "4096", "1700000000.5000000000", "1700000003.2", "", "wp-content")
                + nul("f", "644", "1001:1001", "12", "1700000001.9999999999", "1700000001.9999999999", "",
                        "wp-content/index.php")
                + nul("l", "777", "root:root", "7", "1700000002.0000000000", "1700000002.0", "../x", "link"));

        TreeListing listing = TreeListingParser.parseListing(out);

        assertEquals(1700000009L, listing.rootChanged());
        assertEquals(List.of(
                new TreeEntry("wp-content", EntryType.DIRECTORY, 0755, "www-data:www-data", 4096, 1700000000L,
                        1700000003L, ""),
                new TreeEntry("wp-content/index.php", EntryType.FILE, 0644, "1001:1001", 12, 1700000001L, 1700000001L, ""),
                new TreeEntry("link", EntryType.SYMLINK, 0777, "root:root", 7, 1700000002L, 1700000002L, "../x")),
                listing.entries());
        assertEquals(1700000003L, listing.entries().get(0).changed());
    }

    @Test
    void keepsNewlinesTabsAndBytesThatAreNotUtf8InNames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(ROOT + nul("f", "600", "u:g", "1", "1700000000.0", "1700000000.0", "")));
        out.writeBytes(new byte[] {'a', '\n', 'b', '\t', 'c', (byte) 0xff, (byte) 0xc3, 0});

        TreeEntry entry = TreeListingParser.parseListing(out.toByteArray()).entries().get(0);

        assertEquals("a\nb\tc\u00ff\u00c3", entry.path());
        assertTrue(java.util.Arrays.equals(new byte[] {'a', '\n', 'b', '\t', 'c', (byte) 0xff, (byte) 0xc3},
                entry.path().getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("a\\nb\\tc\\xff\\xc3", Printable.of(entry.path()));
    }

    @Test
    void aRootWithNothingBelowIsAnEmptyTree() {
        assertEquals(List.of(), TreeListingParser.parseListing(bytes(ROOT)).entries());
    }

    @Test
    void refusesOutputCutShortWithAWrongFieldCountOrWithoutTheRoot() {
        assertThrows(IllegalArgumentException.class,
                () -> TreeListingParser.parseListing(bytes(ROOT + nul("f", "644", "u:g", "1", "1.0", "1.0", "") + "name")));
        assertThrows(IllegalArgumentException.class,
                () -> TreeListingParser.parseListing(bytes(ROOT + nul("f", "644", "u:g", "1", "1.0", "1.0", "name"))));
        assertThrows(IllegalArgumentException.class, () -> TreeListingParser.parseListing(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> TreeListingParser.parseListing(bytes(nul("f", "644", "u:g", "1", "1.0", "1.0", "", "a"))));
    }

    @Test
    void refusesHostileNamesAndUnknownTypes() {
        for (List<String> bad : List.of(
                List.of("f", "644", "u:g", "1", "1.0", "1.0", "", "../etc/passwd"),
                List.of("f", "644", "u:g", "1", "1.0", "1.0", "", "/etc/passwd"),
                List.of("f", "644", "u:g", "1", "1.0", "1.0", "", "a//b"),
                List.of("x", "644", "u:g", "1", "1.0", "1.0", "", "a"),
                List.of("f", "abc", "u:g", "1", "1.0", "1.0", "", "a"),
                List.of("f", "644", "u:g", "1", "1.0", "soon", "", "a"))) {
            assertThrows(IllegalArgumentException.class,
                    () -> TreeListingParser.parseListing(bytes(ROOT + nul(bad.toArray(String[]::new)))), bad.toString());
        }
    }

    @Test
    void parsesHashesAndStripsTheRootPrefix() {
        byte[] out = bytes(HASH_A + "  /srv/www/a\nb\0" + HASH_B + " */srv/www/dir/\u00ff\tz\0");

        Map<String, String> hashes = TreeListingParser.parseHashes(out, "/srv/www/");

        assertEquals(Map.of("a\nb", HASH_A, "dir/\u00ff\tz", HASH_B), hashes);
    }

    @Test
    void refusesHashLinesThatAreNotSha256sumOutput() {
        assertThrows(IllegalArgumentException.class,
                () -> TreeListingParser.parseHashes(bytes("nothex  /srv/www/a\0"), "/srv/www/"));
        assertThrows(IllegalArgumentException.class,
                () -> TreeListingParser.parseHashes(bytes(HASH_A + "  /elsewhere/a\0"), "/srv/www/"));
    }

    @Test
    void joinsNamesForStdinWithEveryByteKept() {
        byte[] in = TreeListingParser.nulTerminated(List.of("a\nb", "\u00ff"), "/r/");

        assertTrue(java.util.Arrays.equals(new byte[] {'/', 'r', '/', 'a', '\n', 'b', 0, '/', 'r', '/', (byte) 0xff, 0}, in));
    }

    private static String nul(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            out.append(field).append('\0');
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
