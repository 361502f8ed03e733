package io.sitemove.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.sync.Exclusions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaPlanTest {
    private static final Exclusions NONE = new Exclusions(List.of());

    private static FileEntry file(String path, long size, long mtime) {
        return new FileEntry('f', size, mtime, 0644, path, "");
    }

    private static FileEntry dir(String path, long mtime) {
        return new FileEntry('d', 4096, mtime, 0755, path, "");
    }

    private static FileEntry link(String path, String target) {
        return new FileEntry('l', 0, 1, 0777, path, target);
    }

    @Test
    void sendsNewAndChangedEntriesAndTheirParentsAndDeletesDeepestFirst() {
        List<FileEntry> sender = List.of(dir("d", 5), file("d/same", 1, 1), file("d/changed", 2, 9), file("new", 1, 1));
        List<FileEntry> receiver = List.of(dir("d", 5), file("d/same", 1, 1), file("d/changed", 2, 1),
                dir("gone", 1), file("gone/x", 1, 1));

        DeltaPlan plan = DeltaPlan.compare(sender, receiver, NONE);

        assertEquals(List.of("d", "d/changed", "new"), plan.send().stream().map(FileEntry::path).toList());
        assertEquals(2, plan.newOrChanged());
        assertEquals(List.of("gone/x", "gone"), plan.delete().stream().map(FileEntry::path).toList());
        assertEquals(2, plan.vanished());
    }

    @Test
    void replacesATypeChangeAndComparesLinksByTarget() {
        List<FileEntry> sender = List.of(dir("uploads", 1), link("current", "a"), link("same", "x"));
        List<FileEntry> receiver = List.of(link("uploads", "/etc"), link("current", "b"), link("same", "x"));

        DeltaPlan plan = DeltaPlan.compare(sender, receiver, NONE);

        assertEquals(List.of("uploads", "current"), plan.send().stream().map(FileEntry::path).toList());
        assertEquals(List.of("uploads"), plan.delete().stream().map(FileEntry::path).toList());
        assertEquals(0, plan.vanished());
    }

    @Test
    void keepsDirectoriesHoldingExcludedEntries() {
        List<FileEntry> receiver = List.of(dir("cache", 1), file("cache/a.log", 1, 1), file("old.php", 1, 1));

        DeltaPlan plan = DeltaPlan.compare(List.of(file("index.php", 1, 1)), receiver, new Exclusions(List.of("*.log")));

        assertEquals(List.of("old.php"), plan.delete().stream().map(FileEntry::path).toList());
    }
}
