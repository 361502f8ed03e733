package io.sitemove.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private final ManifestParser parser = new ManifestParser("old under /var/www");

    private static byte[] record(String type, String path, String link) {
        String r = type + "\0" + "12\0" + "1700000000.5000000000\0" + "644\0" + path + "\0" + link + "\0"
                + "www-data\0" + "www-data\0" + "2049\0" + "77\0" + "1\0";
        return r.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void keepsAwkwardNamesByteForByte() throws Exception {
        String latin1 = "caf\u00e9";
        byte[] data = concat(record("f", "a b/line\nbreak", ""), record("l", latin1, "/etc/passwd"));

        List<FileEntry> entries = parser.parse(new ByteArrayInputStream(data));

        assertEquals(2, entries.size());
        assertEquals("a b/line\nbreak", entries.get(0).path());
        assertEquals(1_700_000_000L, entries.get(0).mtime());
        assertEquals(0644, entries.get(0).mode());
        assertEquals(2, entries.get(0).depth());
        assertEquals(latin1, entries.get(1).path());
        assertEquals("/etc/passwd", entries.get(1).link());
    }

    @Test
    void readsOwnersByNameAndTellsHardLinkedFilesByDeviceAndInode() throws Exception {
        String linked = "f\0" + "3\0" + "1\0" + "600\0" + "a\0" + "\0" + "site\0" + "1001\0" + "2049\0" + "55\0" + "2\0";
        byte[] data = concat(linked.getBytes(StandardCharsets.ISO_8859_1), record("f", "b", ""));

        List<FileEntry> entries = parser.parse(new ByteArrayInputStream(data));

        assertEquals("site:1001", entries.get(0).owner());
        assertEquals("2049:55", entries.get(0).inode());
        assertTrue(entries.get(0).isHardLinked());
        assertEquals("www-data:www-data", entries.get(1).owner());
        assertEquals("", entries.get(1).inode(), "a file with one name");
    }

    @Test
    void refusesAbsoluteAndClimbingPaths() {
        for (String bad : List.of("/etc/passwd", "../up", "a/../../b", "a//b", "./a")) {
            MigrationException e = assertThrows(MigrationException.class,
                    () -> parser.parse(new ByteArrayInputStream(record("f", bad, ""))), bad);
            assertTrue(e.getMessage().contains("old under /var/www"), e.getMessage());
        }
    }

    @Test
    void refusesATruncatedListing() {
        byte[] data = "f\u000012\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MigrationException.class, () -> parser.parse(new ByteArrayInputStream(data)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
