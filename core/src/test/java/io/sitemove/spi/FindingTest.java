package io.sitemove.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitemove.journal.JournalCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings as text and JSON, and a verification's verdict from them. */
class FindingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Finding ROWS = Finding.blocking("row-count", "table `orders`", "48 rows (source)", "47 rows",
            "sync the database again");

    @Test
    void aFindingIsOneLineNamingItsCheckSubjectBothValuesAndWhatToDo() {
        assertEquals("BLOCKING row-count table `orders`: expected 48 rows (source), actual 47 rows; sync the database again",
                ROWS.toText());
        assertEquals("INFO listed 3 more findings not listed", Finding.info("listed", "3 more findings not listed", "")
                .toText());
        assertEquals("WARNING (pending) content a b.php: x", Finding.warning("content", "a\nb.php", "", "x", "")
                .asPending().toText(), "one line, whatever the subject holds");
    }

    @Test
    void aVerificationPassesUnlessAFindingBlocks() {
        Finding warn = Finding.warning("sql_mode", "server new", "STRICT_TRANS_TABLES", "", "");
        assertTrue(Verification.of("env", "1 warning", List.of(warn), Duration.ZERO).passed());
        assertTrue(Verification.of("t", "pending", List.of(ROWS.asPending()), Duration.ZERO).passed());
        Verification failed = Verification.of("t", "1 of 2 tables differ", List.of(warn, ROWS), Duration.ZERO);
        assertFalse(failed.passed());
        assertEquals(List.of(ROWS), failed.blocking());
    }

    @Test
    void findingsRenderAsJsonWithTheirComponentsAsFieldsAndReadBack() throws Exception {
        JsonNode array = JSON.readTree(Finding.toJson(List.of(ROWS)));
        assertEquals(1, array.size());
        JsonNode f = array.get(0);
        assertEquals("row-count", f.get("check").asText());
        assertEquals("table `orders`", f.get("subject").asText());
        assertEquals("48 rows (source)", f.get("expected").asText());
        assertEquals("47 rows", f.get("actual").asText());
        assertEquals("BLOCKING", f.get("severity").asText());
        assertEquals("sync the database again", f.get("remedy").asText());
        assertFalse(f.get("pending").asBoolean());
        assertEquals(ROWS, JSON.treeToValue(f, Finding.class));
    }

    @Test
    void aVerificationJournaledAsFailedWithoutFindingsStillReadsAsFailedNamingItsSummary() throws Exception {
        String old = "{\"verifier\":\"http\",\"passed\":false,\"summary\":\"1 of 2 URL(s) did not answer\","
                + "\"findings\":[],\"duration\":\"PT0.1S\"}";
        Verification v = JSON.copy().findAndRegisterModules().readValue(old, Verification.class);
        assertFalse(v.passed());
        assertEquals(List.of(Finding.legacy("1 of 2 URL(s) did not answer").withSeverity(Finding.Severity.BLOCKING)),
                v.findings());
    }

    @Test
    void aVerifiedEntryRoundTripsThroughTheJournalCodecWithItsFindings() throws Exception {
        Verification v = Verification.of("tables", "2 tables identical", List.of(Finding.warning("checksum-table",
                "table `a`", "", "skipped", "")), Duration.ofMillis(1500));
        EntryData.Verified data = new EntryData.Verified(List.of(v), "note");
        String json = JournalCodec.dataToJson(data);
        assertTrue(json.contains("\"passed\":true"), json);
        assertEquals(data, JournalCodec.dataFromJson(json, EntryKind.STEP_DONE, "verify"));
    }
}
