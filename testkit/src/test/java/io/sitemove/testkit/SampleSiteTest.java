package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSiteTest {

    @TempDir
    Path temp;

    @Test
    void sameSeedWritesTheSameTree() throws Exception {
        SampleSite.writeFiles(temp.resolve("a"), 300, 42);
        SampleSite.writeFiles(temp.resolve("b"), 300, 42);
        SampleSite.writeFiles(temp.resolve("c"), 300, 43);

        assertEquals(fingerprint(temp.resolve("a")), fingerprint(temp.resolve("b")));
        assertNotEquals(fingerprint(temp.resolve("a")), fingerprint(temp.resolve("c")));
    }

    @Test
    void writesTheRequestedNumberOfFilesWithLinksAndAnEmptyDirectory() throws IOException {
        Path docroot = temp.resolve("site");

        SampleSite.Stats stats = SampleSite.writeFiles(docroot, 500, 7);

        assertEquals(500, stats.files());
        assertEquals(2, stats.symlinks());
        assertTrue(stats.directories() > 10, "directories: " + stats.directories());
        assertTrue(stats.bytes() > 500L * 200, "bytes: " + stats.bytes());
        assertTrue(Files.isRegularFile(docroot.resolve("wp-config.php")));
        assertTrue(Files.isSymbolicLink(docroot.resolve("wp-content/uploads/latest")));
        try (Stream<Path> nested = Files.list(docroot.resolve("wp-content/cache/empty/nested"))) {
            assertEquals(0, nested.count());
        }
        assertTrue(Files.readString(docroot.resolve("index.php")).contains("blogname"));
    }

    @Test
    void mutationChangesAddsAndDeletesFiles() throws Exception {
        Path docroot = temp.resolve("site");
        SampleSite.writeFiles(docroot, 100, 1);
        Map<String, String> before = fingerprint(docroot);

        SampleSite.mutateFiles(docroot, 9);

        Map<String, String> after = fingerprint(docroot);
        long added = after.keySet().stream()
                .filter(path -> !before.containsKey(path))
                .filter(path -> !after.get(path).equals("dir"))
                .count();
        long deleted = before.keySet().stream().filter(path -> !after.containsKey(path)).count();
        long changed = before.keySet().stream()
                .filter(after::containsKey)
                .filter(path -> !before.get(path).equals(after.get(path)))
                .count();
        assertEquals(3, added);
        assertEquals(1, deleted);
        assertEquals(3, changed);
    }

    @Test
    void refusesANonEmptyDocroot() throws IOException {
        Files.createDirectories(temp.resolve("site"));
        Files.writeString(temp.resolve("site/keep.txt"), "mine");

        assertThrows(IllegalArgumentException.class, () -> SampleSite.writeFiles(temp.resolve("site"), 50, 1));
    }

    private static Map<String, String> fingerprint(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    hashes.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
                    hashes.put(name, HexFormat.of().formatHex(digest) + " " + Files.getLastModifiedTime(path));
                } else {
                    hashes.put(name, "dir");
                }
            }
        }
        return hashes;
    }
}
