package io.sitemove.verify.internal.db;

/**
 * The row count and content hash of a key range (or a whole table) on one server: the sum of the first 64
 * bits of each row image's MD5, exact, so it depends on every row once and on how often it is there.
 *
 * @param rows the rows in the range
 * @param hash the sum, in decimal; "0" for an empty range
 */
record RangeSum(long rows, String hash) {
    static final RangeSum EMPTY = new RangeSum(0, "0");

    RangeSum {
        hash = hash == null ? "0" : hash;
    }
}
