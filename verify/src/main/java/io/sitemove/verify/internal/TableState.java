package io.sitemove.verify.internal;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What was read of one table on one side.
 *
 * @param name the table name
 * @param shape its columns (name and type, in order) and primary key, as text to compare
 * @param rows how many rows were read
 * @param contentHash SHA-256 (hex) over every column of every row, in key order
 * @param checksum the server's CHECKSUM TABLE value, empty when the server gave none
 */
public record TableState(String name, String shape, long rows, String contentHash, OptionalLong checksum) {
    public TableState {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(shape, "shape cannot be null");
        Objects.requireNonNull(contentHash, "contentHash cannot be null");
        Objects.requireNonNull(checksum, "checksum cannot be null");
    }
}
