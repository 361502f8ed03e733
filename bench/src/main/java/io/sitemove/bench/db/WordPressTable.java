package io.sitemove.bench.db;

/**
 * One table of the generated WordPress-like database: its definition, how many rows at scale 1,
 * an INSERT ... SELECT over a sequence of ids ({@code seq_%d_to_%d}), and how to change it.
 *
 * @param name table name
 * @param create CREATE TABLE statement
 * @param rowsAtScaleOne rows at scale 1 (the full, about 1 GB, database)
 * @param fill INSERT ... SELECT ... FROM seq_%d_to_%d
 * @param id the column that numbers rows (the primary key, or a plain column when there is none)
 * @param edited the column an update changes
 * @param big whether a 1% change touches it
 * @param appendOnly whether changes to it are inserts only (a log without a primary key)
 */
record WordPressTable(String name, String create, long rowsAtScaleOne, String fill, String id, String edited,
        boolean big, boolean appendOnly) {

    long rows(double scale) {
        return Math.max(1, Math.round(rowsAtScaleOne * scale));
    }

    String fill(long from, long to) {
        return fill.replace("seq_%d_to_%d", "seq_" + from + "_to_" + to);
    }
}
