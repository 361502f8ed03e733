package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitemove.spi.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The details records go to JSON and back unchanged, as the engine journals them, with their data only. */
class MySqlSyncDetailsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BinlogPosition BEFORE = new BinlogPosition("mariadb-bin.000003", 4711);
    private static final BinlogPosition AFTER = new BinlogPosition("mariadb-bin.000004", 120);
    private static final CopyFigures FIGURES = new CopyFigures(4, "4 snapshots opened under FLUSH TABLES WITH READ LOCK",
            12, BulkLoad.LOAD_DATA, false, 81, List.of("log"), 2, 340, 3_000_001, 210, 9_500);
    private static final CopiedTables TABLES = new CopiedTables(List.of("items", "log"), 3, List.of("old"), false);

    @Test
    void aFullCopysDetailsRoundTrip() throws Exception {
        MySqlCopyDetails copy = new MySqlCopyDetails(Direction.FORWARD, TABLES, FIGURES,
                new SchemaObjectsCopied(List.of("f"), List.of("p"), List.of("a_view", "z_view"), List.of("t"),
                        List.of("nightly"), List.of("nightly")), null, AFTER, null);

        String json = JSON.writeValueAsString(copy);

        assertEquals(copy, JSON.readValue(json, MySqlCopyDetails.class), json);
        assertTrue(json.contains("\"heapPeakMb\":210") && json.contains("\"bulkLoad\":\"LOAD_DATA\""), json);
        assertFalse(json.contains("summary"), json);
    }

    @Test
    void aBinlogDeltasDetailsWithTheFinalLockRoundTrip() throws Exception {
        MySqlBinlogDeltaDetails delta = new MySqlBinlogDeltaDetails(Direction.FORWARD, BEFORE, AFTER, 25, 1, 1, 0, 9_000,
                Map.of("orders", 27L), List.of(), List.of("ALTER TABLE a ADD COLUMN w INT"), TABLES, null)
                .withSourceLock(new SourceLock(SourceLock.Action.REVOKED, "'wp'@'%'", "shop",
                        List.of("INSERT", "UPDATE"), 2, ""));

        String json = JSON.writeValueAsString(delta);

        assertEquals(delta, JSON.readValue(json, MySqlBinlogDeltaDetails.class), json);
        assertTrue(json.contains("\"cursorAfter\":{\"file\":\"mariadb-bin.000004\",\"position\":120}"), json);
        assertTrue(delta.summary().contains("revoked INSERT,UPDATE ON `shop`.* FROM 'wp'@'%'"), delta.summary());
    }

    @Test
    void aChecksumDeltasDetailsRoundTrip() throws Exception {
        MySqlChecksumDeltaDetails delta = new MySqlChecksumDeltaDetails(Direction.REVERSE, "deltaMethod is CHECKSUM",
                TABLES, new RangeFigures(3, 30, 9, 900, 3, 1, 1, List.of("items")), FIGURES, null, null,
                new SourceLock(SourceLock.Action.GRANTED, "'wp'@'%'", "shop", List.of("INSERT"), 0, ""));

        String json = JSON.writeValueAsString(delta);

        assertEquals(delta, JSON.readValue(json, MySqlChecksumDeltaDetails.class), json);
        assertTrue(delta.summary().startsWith("checksum delta REVERSE (deltaMethod is CHECKSUM): 9 of 30 ranges"),
                delta.summary());
    }
}
