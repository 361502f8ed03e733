package io.sitemove.sync.mysql.internal.copy;

/**
 * A part of a table to copy: for {@link TableJob.Split#INTEGER_RANGES} the keys in
 * {@code [from, to)} (null: unbounded on that side), else the whole table.
 *
 * @param table the table
 * @param from the lowest key, inclusive, or null
 * @param to the key where the next chunk starts, or null
 */
public record Chunk(TableJob table, Long from, Long to) {
    /** The whole table as one chunk. */
    public static Chunk whole(TableJob table) {
        return new Chunk(table, null, null);
    }
}
