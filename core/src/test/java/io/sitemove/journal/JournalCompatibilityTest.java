package io.sitemove.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.Server;
import io.sitemove.MigrationStatus;
import io.sitemove.Phase;
import io.sitemove.DnsCutover;
import io.sitemove.Watch;
import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.internal.JournalState;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.Finding;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.Verification;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals written by the version before entries were typed (one JSON array, every value a string),
 * copied from real runs of the end-to-end tests, still read and resume.
 */
class JournalCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Server OLD = Server.builder("old").host("127.0.0.2").knownHosts(Path.of("kh")).build();
    private static final Server NEW = Server.builder("new").host("127.0.0.3").knownHosts(Path.of("kh")).build();

    @TempDir
    Path dir;

    private byte[] resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/journals/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCompletedMigrationsOldJournalReadsAsCompletedWithItsCursorsAndRecords() throws Exception {
        byte[] old = resource("completed.journal.json");
        Files.write(dir.resolve("demo-site.journal.json"), old);
        JsonNode raw = JSON.readTree(old);

        List<JournalEntry> entries = new DirectoryJournal(dir).read("demo-site");
        JournalState state = new JournalState(entries);

        assertEquals(raw.size(), entries.size());
        for (Phase p : Phase.values()) {
            assertTrue(state.completed(p), p + " completed");
        }
        assertEquals(lastCursorOf(raw, "db"), state.cursor("db", Direction.FORWARD).orElseThrow());
        assertEquals(lastCursorOf(raw, "files"), state.cursor("files", Direction.FORWARD).orElseThrow());
        List<DnsRecord> read = state.stepData(Phase.MORATORIUM, "dns-read", EntryData.DnsRead.class).orElseThrow().records();
        assertEquals(2, read.size());
        assertEquals(textOf(raw, "dns-read", "records"), String.join("\n", read.stream().map(DnsRecord::toString).toList()));
        assertEquals(Long.parseLong(textOf(raw, "lower-ttl", "oldTtl")),
                state.stepData(Phase.MORATORIUM, "lower-ttl", EntryData.TtlLowered.class).orElseThrow().oldTtlSeconds());
    }

    @Test
    void aMigrationStoppedBeforeItsCutoverResumesFromItsOldJournal() throws Exception {
        JsonNode raw = JSON.readTree(resource("rolled-back.journal.json"));
        ArrayNode stopped = JSON.createArrayNode();
        for (JsonNode e : raw) {
            stopped.add(e);
            if (e.get("kind").asText().equals("PHASE_DONE") && e.get("phase").asText().equals("MORATORIUM")) {
                break;
            }
        }
        Files.write(dir.resolve("demo-site.journal.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stopped));
        RecordingSyncer files = new RecordingSyncer("files");
        RecordingSyncer db = new RecordingSyncer("db");
        InMemoryDns dns = new InMemoryDns(List.of(DnsRecord.a("site.example.test.", 2, "127.0.0.2"),
                DnsRecord.a("www.site.example.test.", 2, "127.0.0.2")));
        MigrationPlan plan = MigrationPlan.builder("demo-site").source(OLD).target(NEW)
                .syncer(files).syncer(db)
                .dns(DnsCutover.builder(dns).names("site.example.test.").waitForTtlExpiry(false).lowerTtlTo(Duration.ofSeconds(2))
                        .record(DnsRecord.a("site.example.test.", 4, "127.0.0.3"))
                        .record(DnsRecord.a("www.site.example.test.", 4, "127.0.0.3")).build())
                .maintenance(new FlagMaintenance()).journal(new DirectoryJournal(dir))
                .watch(Watch.of(Duration.ZERO, Duration.ofMillis(1))).build();

        Migration m = Migration.open(plan);
        assertEquals(Phase.FINAL_SYNC, m.status().phase());
        m.cutover();
        MigrationStatus done = m.runTo(Phase.POST_MIGRATION);

        assertEquals(MigrationStatus.State.COMPLETED, done.state());
        assertEquals(List.of(new RecordingSyncer.Call(SyncMode.FINAL, Direction.FORWARD, lastCursorOf(stopped, "db"))),
                db.calls().subList(0, 1), "the final sync of db starts at the cursor the old journal left");
        assertEquals(SyncMode.FINAL, files.calls().get(0).mode());
        assertTrue(dns.records().contains(DnsRecord.a("site.example.test.", 4, "127.0.0.3")), dns.records().toString());
        assertFalse(Files.exists(dir.resolve("demo-site.journal.json")), "the old file was turned into lines");
        assertTrue(Files.exists(dir.resolve("demo-site.journal.json.migrated")), "and kept aside");
        assertEquals(stopped.size(), new DirectoryJournal(dir).read("demo-site").stream()
                .filter(e -> e.seq() <= stopped.size()).count());
    }

    /** A Verified entry's data and a Failed one's as the version before findings were structured wrote them. */
    @Test
    void findingsJournaledAsLinesOfTextReadAsFindingsKeepingTheTextAndTheVerdict() throws Exception {
        String verified = "{\"type\":\"verified\",\"results\":[{\"verifier\":\"files\",\"passed\":true,"
                + "\"summary\":\"312 entries identical\",\"findings\":[\"skipped: cache/ (excluded)\"],"
                + "\"duration\":\"PT1.5S\"},{\"verifier\":\"tables\",\"passed\":false,\"summary\":\"1 of 3 tables"
                + " differ\",\"findings\":[\"table `orders`: row count differs (3 on source, 2 on target)\"],"
                + "\"duration\":\"PT0.2S\"}],\"text\":\"\"}";
        EntryData.Verified v = (EntryData.Verified) JournalCodec.dataFromJson(verified, EntryKind.STEP_DONE, "verify");

        Verification files = v.results().get(0);
        assertTrue(files.passed());
        assertEquals(List.of(Finding.legacy("skipped: cache/ (excluded)")), files.findings());
        assertEquals("INFO skipped: cache/ (excluded)", files.findings().get(0).toText());
        assertEquals(Duration.ofMillis(1500), files.duration());
        Verification tables = v.results().get(1);
        assertFalse(tables.passed(), "a verification journaled as failed still reads as failed");
        assertEquals("table `orders`: row count differs (3 on source, 2 on target)", tables.findings().get(0).subject());
        assertEquals(Finding.Severity.BLOCKING, tables.findings().get(0).severity());

        String failed = "{\"type\":\"failed\",\"message\":\"site 'demo-site': 1 verification(s) failed\","
                + "\"exception\":\"io.sitemove.VerificationFailedException\",\"transientFailure\":false}";
        EntryData.Failed f = (EntryData.Failed) JournalCodec.dataFromJson(failed, EntryKind.PHASE_FAILED, "verify");
        assertEquals(new EntryData.Failed("site 'demo-site': 1 verification(s) failed",
                "io.sitemove.VerificationFailedException", false), f);
        assertEquals(List.of(), f.findings());
    }

    private static String lastCursorOf(JsonNode raw, String syncer) {
        String cursor = null;
        for (JsonNode e : raw) {
            JsonNode d = e.path("data");
            if (syncer.equals(d.path("syncer").asText()) && "FORWARD".equals(d.path("direction").asText())
                    && !d.path("cursor").asText().isEmpty()) {
                cursor = d.path("cursor").asText();
            }
        }
        return cursor;
    }

    private static String textOf(JsonNode raw, String step, String key) {
        for (JsonNode e : raw) {
            if (step.equals(e.path("step").asText())) {
                return e.path("data").path(key).asText();
            }
        }
        throw new AssertionError("no step " + step);
    }
}
