package io.sitemove.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Phase;
import io.sitemove.spi.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryJournalTest {
    @TempDir
    Path dir;

    static JournalEntry entry(long seq, Map<String, String> data) {
        return new JournalEntry(seq, Instant.parse("2026-11-21T10:00:00.123456Z").plusSeconds(seq), "STEP_DONE",
                Phase.INITIAL_SYNC, "sync:files", data);
    }

    @Test
    void readsBackWhatWasAppendedExactly() {
        DirectoryJournal journal = new DirectoryJournal(dir.resolve("j"));
        JournalEntry a = entry(1, Map.of("cursor", "mysql-bin.000003:4711", "odd", "line\nbreak \"quoted\" ✓"));
        JournalEntry b = entry(2, Map.of());
        journal.append("shop", a);
        journal.append("shop", b);

        assertEquals(List.of(a, b), new DirectoryJournal(dir.resolve("j")).read("shop"));
        assertEquals(List.of(), journal.read("another-site"));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, Map.of()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("shop.journal.json")), files.toList());
        }
    }

    @Test
    void refusesAnEntryOutOfSequenceSoTwoWritersCannotInterleave() {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, Map.of()));
        JournalException e = assertThrows(JournalException.class, () -> journal.append("shop", entry(1, Map.of())));
        assertTrue(e.getMessage().contains("another process"), e.getMessage());
        assertEquals(1, journal.read("shop").size());
    }

    @Test
    void aDamagedJournalIsReportedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("shop.journal.json"), "[{\"seq\": 1, \"at\": ");
        JournalException e = assertThrows(JournalException.class, () -> new DirectoryJournal(dir).read("shop"));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("restore it"), e.getMessage());
    }
}
