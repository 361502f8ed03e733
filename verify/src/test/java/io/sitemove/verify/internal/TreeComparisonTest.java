package io.sitemove.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.spi.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeComparisonTest {
    private static final String H1 = "1".repeat(64);
    private static final String H2 = "2".repeat(64);

    private final Map<String, TreeEntry> source = new HashMap<>();
    private final Map<String, TreeEntry> target = new HashMap<>();

    @Test
    void identicalTreesHaveNoFindings() {
        both(file("index.php", 0644, 10, 100));
        both(new TreeEntry("wp", EntryType.DIRECTORY, 0755, 4096, 5, ""));
        TreeComparison comparison = new TreeComparison(source, target);
        Findings findings = new Findings();

        int differing = comparison.compare(Set.of("index.php"), Map.of("index.php", H1), Map.of("index.php", H1), findings);

        assertEquals(0, differing);
        assertEquals(2, comparison.entries());
        assertEquals(List.of(), findings.list());
    }

    @Test
    void namesEachKindOfDifference() {
        source.put("gone.php", file("gone.php", 0644, 1, 1));
        target.put("new.php", file("new.php", 0644, 1, 1));
        source.put("mode", file("mode", 0644, 1, 1));
        target.put("mode", file("mode", 0600, 1, 1));
        source.put("link", new TreeEntry("link", EntryType.SYMLINK, 0777, 1, 1, "a"));
        target.put("link", new TreeEntry("link", EntryType.SYMLINK, 0777, 1, 1, "b"));
        source.put("size", file("size", 0644, 1, 1));
        target.put("size", file("size", 0644, 2, 1));
        both(file("content", 0644, 3, 1));
        source.put("kind", file("kind", 0644, 3, 1));
        target.put("kind", new TreeEntry("kind", EntryType.DIRECTORY, 0755, 3, 1, ""));
        TreeComparison comparison = new TreeComparison(source, target);
        Findings findings = new Findings();

        int differing = comparison.compare(Set.of("content"), Map.of("content", H1), Map.of("content", H2), findings);

        assertEquals(7, differing);
        assertEquals(List.of(
                "BLOCKING content content: expected sha256 1111111111111111... (source), actual sha256 2222222222222222...; sync the files again",
                "BLOCKING missing gone.php: expected file (source), actual nothing; sync the files again",
                "BLOCKING type kind: expected file (source), actual directory; sync the files again",
                "BLOCKING link-target link: expected -> a (source), actual -> b; sync the files again",
                "BLOCKING mode mode: expected 0644 (source), actual 0600; sync the files again",
                "BLOCKING extra new.php: expected nothing (source), actual file; remove it on the target or sync the files"
                        + " again with deletion",
                "BLOCKING size size: expected 1 bytes (source), actual 2 bytes; sync the files again"), texts(findings));
    }

    @Test
    void quickCheckHashesOnlyFilesWhoseMtimeDiffers() {
        both(file("same", 0644, 5, 100));
        source.put("touched", file("touched", 0644, 5, 100));
        target.put("touched", file("touched", 0644, 5, 200));
        source.put("grown", file("grown", 0644, 5, 100));
        target.put("grown", file("grown", 0644, 6, 200));
        TreeComparison comparison = new TreeComparison(source, target);

        assertEquals(Set.of("touched"), comparison.filesToHash(true));
        assertEquals(Set.of("same", "touched"), comparison.filesToHash(false));
    }

    @Test
    void aFileThatCouldNotBeHashedIsAFinding() {
        both(file("secret", 0600, 5, 1));
        Findings findings = new Findings();

        new TreeComparison(source, target).compare(Set.of("secret"), Map.of(), Map.of("secret", H1), findings);

        assertEquals(List.of("BLOCKING unreadable secret: could not be read on source; check its permissions for the"
                + " SSH user"), texts(findings));
    }

    @Test
    void findingsAreCappedButAllCounted() {
        Findings findings = new Findings(2);
        for (int i = 0; i < 5; i++) {
            findings.add(Finding.blocking("content", "f" + i, "", "", ""));
        }
        assertEquals(5, findings.total());
        assertEquals(List.of("BLOCKING content f0", "BLOCKING content f1",
                "INFO not-listed 3 more finding(s): only the first 2 are listed"), texts(findings));
    }

    private static List<String> texts(Findings findings) {
        return findings.list().stream().map(Finding::toText).toList();
    }

    private void both(TreeEntry entry) {
        source.put(entry.path(), entry);
        target.put(entry.path(), entry);
    }

    private static TreeEntry file(String path, int mode, long size, long mtime) {
        return new TreeEntry(path, EntryType.FILE, mode, size, mtime, "");
    }
}
