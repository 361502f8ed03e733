package io.sitemove.sync.mysql.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChunkRowsTest {
    @Test
    void narrowRowsKeepTheConfiguredCount() {
        assertEquals(100_000, TablePreparation.chunkRows(100_000, 100));
    }

    @Test
    void wideRowsGetSmallerChunksOfAboutSixteenMegabytes() {
        assertEquals(2048, TablePreparation.chunkRows(100_000, 8192));
    }

    @Test
    void hugeRowsStillGetAThousandRowsPerChunk() {
        assertEquals(1000, TablePreparation.chunkRows(100_000, 10L * 1024 * 1024));
    }

    @Test
    void aSmallConfiguredCountIsNeverRaised() {
        assertEquals(500, TablePreparation.chunkRows(500, 10L * 1024 * 1024));
    }

    @Test
    void anUnknownRowLengthKeepsTheConfiguredCount() {
        assertEquals(100_000, TablePreparation.chunkRows(100_000, 0));
    }
}
