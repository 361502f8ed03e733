package io.sitemove;

/**
 * Amounts of work: bytes, files and database rows. Used for progress and for what a sync moved.
 *
 * @param bytes bytes
 * @param files files
 * @param rows database rows
 */
public record Counts(long bytes, long files, long rows) {
    /** Nothing. */
    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (bytes < 0 || files < 0 || rows < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + bytes + "/" + files + "/" + rows);
        }
    }

    /** Just bytes and files. */
    public static Counts files(long files, long bytes) {
        return new Counts(bytes, files, 0);
    }

    /** Just rows and the bytes they took. */
    public static Counts rows(long rows, long bytes) {
        return new Counts(bytes, 0, rows);
    }

    /** The sum of both. */
    public Counts plus(Counts other) {
        return new Counts(bytes + other.bytes, files + other.files, rows + other.rows);
    }

    /** Files plus rows: the number of items that changed. */
    public long items() {
        return files + rows;
    }
}
