package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.sync.files.Exclusions;
import java.util.List;
import java.util.Set;
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

        assertEquals(List.of("d/changed", "new"), plan.send().stream().map(FileEntry::path).toList());
        assertEquals(2, plan.newOrChanged());
        assertEquals(List.of(new AttributeFix(dir("d", 5), false, true, null, false)), plan.fixes(),
                "the directory's mtime is put back after the transfer disturbs it");
        assertEquals(0, plan.attributeOnly());
        assertEquals(List.of("gone/x", "gone"), plan.delete().stream().map(FileEntry::path).toList());
        assertEquals(2, plan.vanished());
    }

    @Test
    void replacesATypeChangeAndComparesLinksByTarget() {
        List<FileEntry> sender = List.of(dir("uploads", 1), link("current", "a"), link("same", "x"));
        List<FileEntry> receiver = List.of(link("uploads", "/etc"), link("current", "b"), link("same", "x"));

        DeltaPlan plan = DeltaPlan.compare(sender, receiver, NONE);

        assertEquals(List.of("uploads", "current"), plan.send().stream().map(FileEntry::path).toList());
        assertEquals(List.of(), plan.fixes(), "the root's own mtime is not managed");
        assertEquals(List.of("uploads"), plan.delete().stream().map(FileEntry::path).toList());
        assertEquals(0, plan.vanished());
    }

    @Test
    void keepsDirectoriesHoldingExcludedEntries() {
        List<FileEntry> receiver = List.of(dir("cache", 1), file("cache/a.log", 1, 1), file("old.php", 1, 1));

        DeltaPlan plan = DeltaPlan.compare(List.of(file("index.php", 1, 1)), receiver, new Exclusions(List.of("*.log")));

        assertEquals(List.of("old.php"), plan.delete().stream().map(FileEntry::path).toList());
    }

    @Test
    void modeOwnerAndDirectoryMtimeChangesAreFixedInPlaceNotSent() {
        FileEntry modeChanged = new FileEntry('f', 1, 1, 0600, "m", "", "site:site", "");
        FileEntry touched = new FileEntry('d', 4096, 7, 0755, "t", "", "site:site", "");
        FileEntry chowned = new FileEntry('f', 1, 1, 0644, "o", "", "site:site", "");
        List<FileEntry> receiver = List.of(new FileEntry('f', 1, 1, 0644, "m", "", "site:site", ""),
                new FileEntry('d', 4096, 1, 0755, "t", "", "site:site", ""),
                new FileEntry('f', 1, 1, 0644, "o", "", "root:root", ""));

        DeltaPlan byName = DeltaPlan.compare(List.of(modeChanged, touched, chowned), receiver, NONE,
                Ownership.byName(Set.of("site"), Set.of("site")));
        DeltaPlan unmanaged = DeltaPlan.compare(List.of(modeChanged, touched, chowned), receiver, NONE);

        assertEquals(List.of(), byName.send());
        assertEquals(List.of(new AttributeFix(modeChanged, true, false, null, true),
                new AttributeFix(touched, false, true, null, true),
                new AttributeFix(chowned, false, false, "site:site", true)), byName.fixes());
        assertEquals(3, byName.attributeOnly());
        assertEquals(2, unmanaged.attributeOnly(), "owners are not compared when not managed");
    }

    @Test
    void aFileWhoseMtimeAloneDiffersIsSentSinceItsContentMayDiffer() {
        DeltaPlan plan = DeltaPlan.compare(List.of(file("a", 3, 9)), List.of(file("a", 3, 1)), NONE);

        assertEquals(List.of(file("a", 3, 9)), plan.send());
        assertEquals(List.of(), plan.fixes());
    }

    @Test
    void ownersUnknownOnTheReceiverAreNotManaged() {
        FileEntry file = new FileEntry('f', 1, 1, 0644, "a", "", "olduser:www-data", "");
        List<FileEntry> receiver = List.of(new FileEntry('f', 1, 1, 0644, "a", "", "1005:www-data", ""));

        DeltaPlan plan = DeltaPlan.compare(List.of(file), receiver, NONE,
                Ownership.byName(Set.of("www-data"), Set.of("www-data")));

        assertEquals(List.of(), plan.fixes());
    }

    @Test
    void allNamesOfAHardLinkedFileTravelTogetherUnlessTheReceiverHoldsThemAsOne() {
        List<FileEntry> sender = List.of(new FileEntry('f', 5, 1, 0644, "a", "", "", "1:10"),
                new FileEntry('f', 5, 1, 0644, "d/b", "", "", "1:10"), dir("d", 1));
        List<FileEntry> linked = List.of(new FileEntry('f', 5, 1, 0644, "a", "", "", "9:3"),
                new FileEntry('f', 5, 1, 0644, "d/b", "", "", "9:3"), dir("d", 1));
        List<FileEntry> copies = List.of(file("a", 5, 1), file("d/b", 5, 1), dir("d", 1));
        List<FileEntry> oneMissing = List.of(file("a", 5, 1), dir("d", 1));

        assertEquals(List.of(), DeltaPlan.compare(sender, linked, NONE).send());
        assertEquals(List.of("a", "d/b"), DeltaPlan.compare(sender, copies, NONE).send().stream()
                .map(FileEntry::path).toList());
        assertEquals(List.of("a", "d/b"), DeltaPlan.compare(sender, oneMissing, NONE).send().stream()
                .map(FileEntry::path).toList());
    }
}
