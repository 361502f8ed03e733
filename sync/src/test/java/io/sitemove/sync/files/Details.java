package io.sitemove.sync.files;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sitemove.spi.SyncResult;

/** Reads a file sync's details as the record it must be. */
final class Details {
    private Details() {
    }

    static FileSyncDetails of(SyncResult result) {
        return assertInstanceOf(FileSyncDetails.class, result.details(), "a file sync's details");
    }
}
