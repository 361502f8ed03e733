package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceCommandsTest {
    private static final String STAGE = ".sitemove-staging-1";

    private static FileEntry file(String path) {
        return new FileEntry('f', 1, 1, 0644, path, "");
    }

    private static FileEntry dir(String path, int mode, long mtime) {
        return new FileEntry('d', 4096, mtime, mode, path, "");
    }

    @Test
    void aNewDirectoryMovesWholeAndFilesInExistingDirectoriesMoveByParent() {
        List<FileEntry> send = List.of(dir("d", 0755, 7), file("d/a"), file("d/b"), dir("d/new", 0700, 3),
                file("d/new/x"), file("top"));
        Map<String, FileEntry> existing = Map.of("d", dir("d", 0750, 1), "d/a", file("d/a"));

        List<List<String>> commands = PlaceCommands.of(STAGE, send, existing,
                List.of(new AttributeFix(dir("d", 0755, 7), true, true, null, false)), null);

        assertEquals(List.of(
                List.of("mv", "-f", "-t", ".", "--", "./" + STAGE + "/top"),
                List.of("mv", "-f", "-t", "./d", "--", "./" + STAGE + "/d/a", "./" + STAGE + "/d/b",
                        "./" + STAGE + "/d/new"),
                List.of("chmod", "00755", "--", "./d"),
                List.of("touch", "-c", "-h", "-d", "@7", "--", "./d")), commands);
    }

    @Test
    void attributesAreFixedOwnersFirstThenModesThenMtimesWithoutStaging() {
        FileEntry setgid = new FileEntry('f', 1, 9, 02755, "bin/tool", "", "site:site", "");
        List<List<String>> commands = PlaceCommands.of(null, List.of(), Map.of(), List.of(
                new AttributeFix(setgid, false, false, "site:site", true),
                new AttributeFix(dir("d", 0700, 9), true, true, null, true)), null);

        assertEquals(List.of(
                List.of("chown", "-h", "site:site", "--", "./bin/tool"),
                List.of("chmod", "00700", "--", "./d"),
                List.of("chmod", "02755", "--", "./bin/tool"),
                List.of("touch", "-c", "-h", "-d", "@9", "--", "./d")), commands);
    }

    @Test
    void aFixedOwnerIsGivenToTheWholeStagingDirectoryBeforeTheMoves() {
        List<List<String>> commands = PlaceCommands.of(STAGE, List.of(file("f")), Map.of(), List.of(), "site:www");

        assertEquals(List.of("chown", "-R", "-h", "-P", "site:www", "--", "./" + STAGE), commands.get(0));
        assertEquals(List.of("mv", "-f", "-t", ".", "--", "./" + STAGE + "/f"), commands.get(1));
        assertTrue(commands.stream().noneMatch(c -> c.get(0).equals("chmod")));
    }

    @Test
    void longListsAreSplitIntoSeveralCommands() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            paths.add("./p" + i);
        }
        List<List<String>> commands = new ArrayList<>();

        PlaceCommands.batch(commands, List.of("rm", "--"), paths);

        assertEquals(3, commands.size());
        assertEquals(PlaceCommands.MAX_PATHS + 2, commands.get(0).size());
        assertEquals(2500, commands.stream().mapToInt(c -> c.size() - 2).sum());
    }
}
