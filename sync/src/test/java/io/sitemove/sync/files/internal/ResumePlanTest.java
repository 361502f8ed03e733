package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResumePlanTest {

    private static FileEntry file(String path, long size, long mtime) {
        return new FileEntry('f', size, mtime, 0644, path, "");
    }

    private static FileEntry dir(String path) {
        return new FileEntry('d', 4096, 1, 0755, path, "");
    }

    private static List<String> paths(List<FileEntry> entries) {
        return entries.stream().map(FileEntry::path).toList();
    }

    @Test
    void keepsStagedFilesThatArrivedWholeAndSendsTheRest() {
        List<FileEntry> send = List.of(dir("m"), file("m/whole", 10, 5), file("m/partial", 10, 5), file("m/new", 3, 5));
        List<FileEntry> staged = List.of(dir("m"), file("m/whole", 10, 5), file("m/partial", 4, 99));

        ResumePlan plan = ResumePlan.of(send, staged);

        assertEquals(List.of("m", "m/partial", "m/new"), paths(plan.transfer()));
        assertEquals(List.of("m/partial"), paths(plan.discard()));
        assertEquals(1, plan.reused());
        assertEquals(10, plan.reusedBytes());
    }

    @Test
    void discardsStaleEntriesTopmostOnlyAndKeepsDirectoriesOnTheWay() {
        List<FileEntry> send = List.of(file("a/b/c", 1, 1));
        List<FileEntry> staged = List.of(dir("a"), dir("a/b"), file("a/b/c", 1, 2), dir("old"), file("old/x", 1, 1),
                new FileEntry('l', 0, 1, 0777, "a/link", "/etc"));

        ResumePlan plan = ResumePlan.of(send, staged);

        assertEquals(List.of("a/b/c"), paths(plan.transfer()));
        assertEquals(List.of("old", "a/link", "a/b/c"), paths(plan.discard()));
        assertEquals(0, plan.reused());
    }

    @Test
    void aFileWhoseModeDiffersOrThatIsNowADirectoryIsNotReused() {
        List<FileEntry> send = List.of(new FileEntry('f', 1, 1, 0600, "secret", ""), dir("d"));
        List<FileEntry> staged = List.of(file("secret", 1, 1), file("d", 1, 1));

        ResumePlan plan = ResumePlan.of(send, staged);

        assertEquals(List.of("secret", "d"), paths(plan.transfer()));
        assertEquals(List.of("secret", "d"), paths(plan.discard()));
    }
}
