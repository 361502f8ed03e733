package io.sitemove.sync.files.internal;

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

    private static final byte[] ACCOUNTS = ("U 0 root\nU 33 www-data\nU 1000 site\nU 1000 alias\nG 0 root\n"
            + "G 33 www-data\nG 1001 site team\n\0").getBytes(StandardCharsets.ISO_8859_1);

    private static byte[] record(String type, String path, String link) {
        String r = type + "\0" + "12\0" + "1700000000.5000000000\0" + "644\0" + path + "\0" + link + "\0"
                + "33\0" + "33\0" + "2049\0" + "77\0" + "1\0";
        return r.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void keepsAwkwardNamesByteForByte() throws Exception {
        String latin1 = "caf\u00e9";
        byte[] data = concat(ACCOUNTS,
                concat(record("f", "a b/line\nbreak", ""), record("l", latin1, "/etc/passwd")));

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
    void readsOwnersByNameFromTheAccountsAndTellsHardLinkedFilesByDeviceAndInode() throws Exception {
        String linked = "f\0" + "3\0" + "1\0" + "600\0" + "a\0" + "\0" + "1000\0" + "1001\0" + "2049\0" + "55\0"
                + "2\0";
        String unnamed = "f\0" + "3\0" + "1\0" + "600\0" + "c\0" + "\0" + "4242\0" + "4343\0" + "2049\0" + "56\0"
                + "1\0";
        byte[] data = concat(ACCOUNTS, concat(linked.getBytes(StandardCharsets.ISO_8859_1),
                concat(record("f", "b", ""), unnamed.getBytes(StandardCharsets.ISO_8859_1))));

        List<FileEntry> entries = parser.parse(new ByteArrayInputStream(data));

        assertEquals("site:site team", entries.get(0).owner(), "the first name of an id wins; names may hold spaces");
        assertEquals("4242:4343", entries.get(2).owner(), "an id without a name stays a number");
        assertEquals("2049:55", entries.get(0).inode());
        assertTrue(entries.get(0).isHardLinked());
        assertEquals("www-data:www-data", entries.get(1).owner());
        assertEquals("", entries.get(1).inode(), "a file with one name");
    }

    @Test
    void refusesAbsoluteAndClimbingPaths() {
        for (String bad : List.of("/etc/passwd", "../up", "a/../../b", "a//b", "./a")) {
            MigrationException e = assertThrows(MigrationException.class,
                    () -> parser.parse(new ByteArrayInputStream(concat(ACCOUNTS, record("f", bad, "")))), bad);
            assertTrue(e.getMessage().contains("old under /var/www"), e.getMessage());
        }
    }

    @Test
    void refusesATruncatedListingAndReadsNothingFromNoOutput() throws Exception {
        byte[] data = concat(ACCOUNTS, "f\u000012\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(MigrationException.class, () -> parser.parse(new ByteArrayInputStream(data)));
        byte[] header = "U 0 ro".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MigrationException.class, () -> parser.parse(new ByteArrayInputStream(header)));
        assertEquals(List.of(), parser.parse(new ByteArrayInputStream(new byte[0])));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
