package io.sitemove.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.Counts;
import io.sitemove.Phase;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cursor a sync is given: the last of a completed sync's and a later checkpoint's. */
class JournalStateCursorTest {
    private final List<JournalEntry> entries = new ArrayList<>();

    private void synced(String syncer, SyncMode mode, Direction direction, String cursor) {
        SyncResult r = new SyncResult(Counts.rows(1, 1), 0, 0, Duration.ZERO, cursor,
                new RecordingSyncer.FakeDetails(syncer, 1));
        add(EntryKind.STEP_DONE, new EntryData.Synced(syncer, mode, direction, Instant.EPOCH, r));
    }

    private void checkpoint(String syncer, Direction direction, String cursor) {
        add(EntryKind.SYNC_CHECKPOINT, new EntryData.Checkpoint(syncer, SyncMode.DELTA, direction, cursor));
    }

    private void add(EntryKind kind, EntryData data) {
        entries.add(new JournalEntry(entries.size() + 1, Instant.EPOCH, kind, Phase.INCREMENTAL_SYNC,
                "step-" + entries.size(), data));
    }

    private Optional<String> cursor(String syncer, Direction direction) {
        return new JournalState(entries).cursor(syncer, direction);
    }

    @Test
    void aCheckpointAfterACompletedSyncMovesTheCursorOfItsSyncerAndDirectionOnly() {
        synced("db", SyncMode.FULL, Direction.FORWARD, "bin.000001:100");
        synced("files", SyncMode.FULL, Direction.FORWARD, "manifest-1");
        checkpoint("db", Direction.FORWARD, "bin.000001:500");

        assertEquals(Optional.of("bin.000001:500"), cursor("db", Direction.FORWARD));
        assertEquals(Optional.of("manifest-1"), cursor("files", Direction.FORWARD));
        assertEquals(Optional.empty(), cursor("db", Direction.REVERSE));
    }

    @Test
    void aSyncCompletedAfterTheCheckpointSupersedesIt() {
        synced("db", SyncMode.FULL, Direction.FORWARD, "bin.000001:100");
        checkpoint("db", Direction.FORWARD, "bin.000001:500");
        checkpoint("db", Direction.FORWARD, "bin.000001:900");
        assertEquals(Optional.of("bin.000001:900"), cursor("db", Direction.FORWARD));

        synced("db", SyncMode.FULL, Direction.FORWARD, "bin.000002:4");

        assertEquals(Optional.of("bin.000002:4"), cursor("db", Direction.FORWARD));
    }
}
