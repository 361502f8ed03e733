package io.sitemove.sync.mysql;

import java.util.Objects;
import java.util.Optional;

/**
 * A place in a server's binary log: file name and byte offset. Its text form, the syncer's cursor,
 * is {@code file:position}, e.g. {@code mariadb-bin.000003:4711}.
 *
 * @param file the binary log file's name, without directory
 * @param position the byte offset in that file
 */
public record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {
    public BinlogPosition {
        Objects.requireNonNull(file, "file cannot be null");
        if (file.isBlank() || file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("'" + file + "' is not a binary log file name");
        }
        if (position < 4) {
            throw new IllegalArgumentException("a binlog position is at least 4, not " + position);
        }
    }

    /** Reads {@code file:position}; empty for an empty or malformed cursor (such as one the checksum method left). */
    public static Optional<BinlogPosition> parse(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        int colon = cursor.lastIndexOf(':');
        if (colon <= 0 || colon == cursor.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BinlogPosition(cursor.substring(0, colon), Long.parseLong(cursor.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Orders by the file's sequence number (the digits after its last dot), then by offset. */
    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = Long.compare(sequence(file), sequence(other.file));
        if (byFile == 0) {
            byFile = file.compareTo(other.file);
        }
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    private static long sequence(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? -1 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code file:position}. */
    @Override
    public String toString() {
        return file + ":" + position;
    }
}
