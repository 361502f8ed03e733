package io.sitemove.sync.mysql.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
    private static final TableJob JOB = new TableJob(List.of("id"), "`id`",
            new TableInfo("t", List.of(new ColumnInfo("id", "int", false, null, null, false)), List.of(0)), true,
            SecondaryIndexes.none(), 0);

    @Test
    void rangesCoverEveryKeyWithOpenEnds() {
        List<Chunk> chunks = ChunkPlanner.ranges(JOB, 1, 1000, 1000, 100);

        assertEquals(10, chunks.size());
        assertNull(chunks.get(0).from());
        assertNull(chunks.get(9).to());
        for (int i = 1; i < chunks.size(); i++) {
            assertEquals(chunks.get(i - 1).to(), chunks.get(i).from(), "contiguous at " + i);
        }
    }

    @Test
    void staleStatisticsTakeIdsAsDenseAndSmallTablesAreOneChunk() {
        assertEquals(50, ChunkPlanner.ranges(JOB, 1, 5000, 0, 100).size());
        assertEquals(1, ChunkPlanner.ranges(JOB, 1, 90, 90, 100).size());
        assertEquals(10_000, ChunkPlanner.ranges(JOB, 0, 4_000_000_000_000L, 0, 100).size());
    }
}
