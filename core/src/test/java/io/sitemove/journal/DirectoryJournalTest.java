package io.sitemove.journal;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Counts;
import io.sitemove.Phase;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryJournalTest {
    @TempDir
    Path dir;

    static JournalEntry entry(long seq, EntryData data) {
        return new JournalEntry(seq, Instant.parse("2026-11-21T10:00:00.123456Z").plusSeconds(seq), EntryKind.STEP_DONE,
                Phase.INITIAL_SYNC, "sync:files", data);
    }

    static EntryData.Synced synced(String cursor) {
        return new EntryData.Synced("db", SyncMode.FULL, Direction.FORWARD, Instant.parse("2026-11-21T09:59:00Z"),
                new SyncResult(new Counts(4096, 0, 17), 2, 0, Duration.ofMillis(1234), cursor,
                        new RecordingSyncer.FakeDetails("db", 1)));
    }

    @Test
    void readsBackWhatWasAppendedExactlyWithItsTypes() {
        DirectoryJournal journal = new DirectoryJournal(dir.resolve("j"));
        JournalEntry a = entry(1, synced("mysql-bin.000003:4711"));
        JournalEntry b = entry(2, new EntryData.Note("line\nbreak \"quoted\" ✓"));
        JournalEntry c = entry(3, new EntryData.DnsRead(List.of(DnsRecord.a("shop.example.", 300, "192.0.2.1"))));
        JournalEntry d = entry(4, new EntryData.MaintenanceOn(Instant.parse("2026-11-21T10:00:05Z"), null, "on"));
        journal.append("shop", a);
        journal.append("shop", b);
        journal.append("shop", c);
        journal.append("shop", d);

        assertEquals(List.of(a, b, c, d), new DirectoryJournal(dir.resolve("j")).read("shop"));
        assertEquals(List.of(), journal.read("another-site"));
    }

    @Test
    void anAppendAddsOneLineAndNeverRewritesWhatIsThere() throws Exception {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, synced("c1")));
        byte[] before = Files.readAllBytes(journal.fileOf("shop"));
        journal.append("shop", entry(2, synced("c2")));
        byte[] after = Files.readAllBytes(journal.fileOf("shop"));

        assertEquals(new String(before, StandardCharsets.UTF_8),
                new String(after, 0, before.length, StandardCharsets.UTF_8), "the first line is untouched");
        assertEquals(2, new String(after, StandardCharsets.UTF_8).lines().count());
    }

    @Test
    @FaultTest
    void aLineTornByACrashIsIgnoredAndCutOffByTheNextAppend() throws Exception {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, synced("c1")));
        Files.writeString(journal.fileOf("shop"), "{\"seq\":2,\"at\":\"2026-", java.nio.file.StandardOpenOption.APPEND);

        assertEquals(1, journal.read("shop").size());
        journal.append("shop", entry(2, synced("c2")));
        assertEquals(List.of("c1", "c2"), journal.read("shop").stream()
                .map(e -> ((EntryData.Synced) e.data()).result().cursor()).toList());
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, EntryData.None.INSTANCE));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("shop.journal.jsonl")), files.toList());
        }
    }

    @Test
    @FaultTest
    void refusesAnEntryOutOfSequenceSoTwoWritersCannotInterleave() {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, EntryData.None.INSTANCE));
        JournalException e = assertThrows(JournalException.class, () -> journal.append("shop", entry(1, EntryData.None.INSTANCE)));
        assertTrue(e.getMessage().contains("another process"), e.getMessage());
        assertEquals(1, journal.read("shop").size());
    }

    @Test
    @FaultTest
    void aJournalWhoseEntriesAreOutOfOrderIsRefusedAsCorrupt() throws Exception {
        Files.writeString(dir.resolve("shop.journal.jsonl"), JournalCodec.toJson(entry(1, EntryData.None.INSTANCE)) + "\n"
                + JournalCodec.toJson(entry(3, EntryData.None.INSTANCE)) + "\n");
        JournalException e = assertThrows(JournalException.class, () -> new DirectoryJournal(dir).read("shop"));
        assertTrue(e.getMessage().contains("out of order"), e.getMessage());
    }

    @Test
    @FaultTest
    void aJournalThatVanishedUnderARunIsReportedAsVanished() throws Exception {
        DirectoryJournal journal = new DirectoryJournal(dir);
        journal.append("shop", entry(1, EntryData.None.INSTANCE));
        journal.append("shop", entry(2, EntryData.None.INSTANCE));
        Files.delete(journal.fileOf("shop"));

        JournalException e = assertThrows(JournalException.class, () -> journal.append("shop", entry(3, EntryData.None.INSTANCE)));

        assertTrue(e.getMessage().contains("vanished: it held 2 entries"), e.getMessage());
        assertTrue(Files.notExists(journal.fileOf("shop")), "nothing was written");
    }

    @Test
    @FaultTest
    void refusesASiteNameThatCouldLeaveItsDirectory() {
        DirectoryJournal journal = new DirectoryJournal(dir);
        assertThrows(IllegalArgumentException.class, () -> journal.append("../../x", entry(1, EntryData.None.INSTANCE)));
        assertThrows(IllegalArgumentException.class, () -> journal.read("a/b"));
    }

    @Test
    void aDamagedJournalIsReportedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("shop.journal.json"), "[{\"seq\": 1, \"at\": ");
        JournalException e = assertThrows(JournalException.class, () -> new DirectoryJournal(dir).read("shop"));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("restore it"), e.getMessage());
    }
}
