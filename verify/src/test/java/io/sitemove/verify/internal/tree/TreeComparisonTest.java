package io.sitemove.verify.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.spi.Finding;
import io.sitemove.verify.ContentHashes;
import io.sitemove.verify.internal.Findings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeComparisonTest {
    private static final String H1 = "1".repeat(64);
    private static final String H2 = "2".repeat(64);
    private static final Attributes ALL = new Attributes(true, Optional.empty(), true);

    private final Map<String, TreeEntry> source = new HashMap<>();
    private final Map<String, TreeEntry> target = new HashMap<>();
    private final Set<String> sourceHoldingExcluded = new HashSet<>();

    @Test
    void identicalTreesHaveNoFindings() {
        both(file("index.php", 0644, 10, 100));
        both(dir("wp", 5));
        TreeComparison comparison = comparison(ALL);
        Findings findings = new Findings();

        TreeComparison.Tally tally = comparison.compare(hashes(Set.of("index.php"), H1, H1), LiveChanges.none(), findings);

        assertEquals(new TreeComparison.Tally(0, 0), tally);
        assertEquals(2, comparison.entries());
        assertEquals(List.of(), findings.list());
    }

    @Test
    void namesEachKindOfDifferenceWithThePathAsSubject() {
        source.put("gone.php", file("gone.php", 0644, 1, 1));
        target.put("new.php", file("new.php", 0644, 1, 1));
        source.put("mode", file("mode", 0644, 1, 1));
        target.put("mode", file("mode", 0600, 1, 1));
        source.put("link", new TreeEntry("link", EntryType.SYMLINK, 0777, "u:g", 1, 1, 1, "a"));
        target.put("link", new TreeEntry("link", EntryType.SYMLINK, 0777, "u:g", 1, 1, 1, "b"));
        source.put("size", file("size", 0644, 1, 1));
        target.put("size", file("size", 0644, 2, 1));
        both(file("content", 0644, 3, 1));
        source.put("kind", file("kind", 0644, 3, 1));
        target.put("kind", dir("kind", 1));
        source.put("owner", file("owner", 0644, 3, 1));
        target.put("owner", new TreeEntry("owner", EntryType.FILE, 0644, "nobody:nogroup", 3, 1, 1, ""));
        source.put("mtime", file("mtime", 0644, 3, 1_700_000_000L));
        target.put("mtime", file("mtime", 0644, 3, 1_700_000_001L));
        Findings findings = new Findings();

        TreeComparison.Tally tally = comparison(ALL).compare(hashes(Set.of("content"), H1, H2), LiveChanges.none(),
                findings);

        assertEquals(new TreeComparison.Tally(9, 0), tally);
        assertEquals(List.of(
                "BLOCKING content content: expected sha256 1111111111111111... (source), actual sha256 2222222222222222...; sync the files again",
                "BLOCKING missing gone.php: expected file (source), actual nothing; sync the files again",
                "BLOCKING type kind: expected file (source), actual directory; sync the files again",
                "BLOCKING link-target link: expected -> a (source), actual -> b; sync the files again",
                "BLOCKING mode mode: expected 0644 (source), actual 0600; sync the files again",
                "BLOCKING mtime mtime: expected 2023-11-14T22:13:20Z (source), actual 2023-11-14T22:13:21Z; sync the files again",
                "BLOCKING extra new.php: expected nothing (source), actual file; remove it on the target or sync the files"
                        + " again with deletion",
                "BLOCKING owner owner: expected u:g (source), actual nobody:nogroup; sync the files again",
                "BLOCKING content size: expected 1 bytes (source), actual 2 bytes; sync the files again"), texts(findings));
    }

    @Test
    void oneEntryWithSeveralDifferencesCountsOnce() {
        source.put("f", file("f", 0644, 3, 10));
        target.put("f", new TreeEntry("f", EntryType.FILE, 0600, "x:y", 4, 11, 11, ""));
        Findings findings = new Findings();

        TreeComparison.Tally tally = comparison(ALL).compare(TreeComparison.Hashes.none(), LiveChanges.none(), findings);

        assertEquals(new TreeComparison.Tally(1, 0), tally);
        assertEquals(List.of("mode", "owner", "mtime", "content"), findings.list().stream().map(Finding::check).toList());
    }

    @Test
    void ownersAndMtimesAreLeftAsideWhenNotAskedFor() {
        source.put("f", file("f", 0644, 3, 10));
        target.put("f", new TreeEntry("f", EntryType.FILE, 0644, "x:y", 3, 11, 11, ""));
        Findings findings = new Findings();

        TreeComparison.Tally tally = comparison(new Attributes(false, Optional.empty(), false))
                .compare(TreeComparison.Hashes.none(), LiveChanges.none(), findings);

        assertEquals(new TreeComparison.Tally(0, 0), tally);
    }

    @Test
    void aTargetOwnerIsWhatEveryTargetEntryMustHave() {
        both(file("ok", 0644, 1, 1));
        target.put("ok", new TreeEntry("ok", EntryType.FILE, 0644, "site:site", 1, 1, 1, ""));
        both(file("not", 0644, 1, 1));
        Findings findings = new Findings();

        comparison(new Attributes(true, Optional.of("site:site"), true)).compare(TreeComparison.Hashes.none(),
                LiveChanges.none(), findings);

        assertEquals(List.of("BLOCKING owner not: expected site:site (the file syncer's target owner), actual u:g;"
                + " sync the files again"), texts(findings));
    }

    @Test
    void aDirectoryHoldingExcludedEntriesKeepsItsOwnMtime() {
        source.put("wp-content/cache", dir("wp-content/cache", 100));
        target.put("wp-content/cache", dir("wp-content/cache", 200));
        source.put("wp-content", dir("wp-content", 100));
        target.put("wp-content", dir("wp-content", 200));
        sourceHoldingExcluded.add("wp-content/cache");
        Findings findings = new Findings();

        comparison(ALL).compare(TreeComparison.Hashes.none(), LiveChanges.none(), findings);

        assertEquals(List.of("mtime wp-content"), findings.list().stream().map(f -> f.check() + " " + f.subject()).toList());
    }

    @Test
    void differencesOfEntriesChangedOnTheSourceSinceTheSyncArePendingTheOthersBlock() {
        source.put("edited.php", file("edited.php", 0644, 5, 1000));
        target.put("edited.php", file("edited.php", 0644, 4, 500));
        source.put("added.php", file("added.php", 0644, 5, 1000));
        source.put("old-fault.php", file("old-fault.php", 0644, 5, 500));
        target.put("old-fault.php", file("old-fault.php", 0644, 6, 500));
        Findings findings = new Findings();

        TreeComparison.Tally tally = comparison(ALL).compare(TreeComparison.Hashes.none(),
                LiveChanges.since(900, source, 500), findings);

        assertEquals(new TreeComparison.Tally(3, 2), tally);
        assertEquals(List.of(
                "BLOCKING (pending) missing added.php: expected file (source), actual nothing; changed on the source since"
                        + " the last sync started; the next sync carries it",
                "BLOCKING (pending) mtime edited.php: expected 1970-01-01T00:16:40Z (source), actual 1970-01-01T00:08:20Z;"
                        + " changed on the source since the last sync started; the next sync carries it",
                "BLOCKING (pending) content edited.php: expected 5 bytes (source), actual 4 bytes; changed on the source"
                        + " since the last sync started; the next sync carries it",
                "BLOCKING content old-fault.php: expected 5 bytes (source), actual 6 bytes; sync the files again"),
                texts(findings));
        assertEquals(1, findings.list().stream().filter(Finding::blocks).count());
    }

    @Test
    void eachRuleHashesItsOwnFiles() {
        both(file("same", 0644, 5, 100));
        source.put("touched", file("touched", 0644, 5, 100));
        target.put("touched", file("touched", 0644, 5, 200));
        source.put("grown", file("grown", 0644, 5, 100));
        target.put("grown", file("grown", 0644, 6, 200));
        TreeComparison comparison = comparison(ALL);

        assertEquals(Set.of(), comparison.filesToHash(ContentHashes.NEVER));
        assertEquals(Set.of("touched"), comparison.filesToHash(ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER));
        assertEquals(Set.of("same", "touched"), comparison.filesToHash(ContentHashes.ALWAYS));
    }

    @Test
    void aFileThatCouldNotBeHashedIsAFinding() {
        both(file("secret", 0600, 5, 1));
        Findings findings = new Findings();

        comparison(ALL).compare(new TreeComparison.Hashes(Set.of("secret"), Map.of(), Map.of("secret", H1)),
                LiveChanges.none(), findings);

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

    private TreeComparison comparison(Attributes attributes) {
        return new TreeComparison(new TreeSide(source, sourceHoldingExcluded, 0), new TreeSide(target, Set.of(), 0),
                attributes);
    }

    private static TreeComparison.Hashes hashes(Set<String> paths, String sourceHash, String targetHash) {
        Map<String, String> s = new HashMap<>();
        Map<String, String> t = new HashMap<>();
        paths.forEach(p -> s.put(p, sourceHash));
        paths.forEach(p -> t.put(p, targetHash));
        return new TreeComparison.Hashes(paths, s, t);
    }

    private static List<String> texts(Findings findings) {
        return findings.list().stream().map(Finding::toText).toList();
    }

    private void both(TreeEntry entry) {
        source.put(entry.path(), entry);
        target.put(entry.path(), entry);
    }

    private static TreeEntry file(String path, int mode, long size, long mtime) {
        return new TreeEntry(path, EntryType.FILE, mode, "u:g", size, mtime, mtime, "");
    }

    private static TreeEntry dir(String path, long mtime) {
        return new TreeEntry(path, EntryType.DIRECTORY, 0755, "u:g", 4096, mtime, mtime, "");
    }
}
