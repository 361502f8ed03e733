package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sitemove.spi.SyncResult;

/** Reads a MySQL sync's details as the record its kind of sync must give. */
final class Details {
    private Details() {
    }

    static MySqlCopyDetails copy(SyncResult result) {
        return assertInstanceOf(MySqlCopyDetails.class, result.details(), "a FULL copy's details");
    }

    static MySqlBinlogDeltaDetails binlog(SyncResult result) {
        return assertInstanceOf(MySqlBinlogDeltaDetails.class, result.details(), "a binlog delta's details");
    }

    static MySqlChecksumDeltaDetails checksum(SyncResult result) {
        return assertInstanceOf(MySqlChecksumDeltaDetails.class, result.details(), "a checksum delta's details");
    }
}
