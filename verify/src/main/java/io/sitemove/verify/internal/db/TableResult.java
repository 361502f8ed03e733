package io.sitemove.verify.internal.db;

import java.util.List;

/**
 * What comparing one table found.
 *
 * @param table the table's name
 * @param sourceRows its rows on the source
 * @param targetRows its rows on the target
 * @param rows the rows that differ, as far as kept ({@link #rowsDiffering} counts them all)
 * @param rowsDiffering how many rows differ
 * @param wholeSource for a table compared whole (no primary key): its hash on the source, else null
 * @param wholeTarget the same on the target
 * @param hashed whether its content was compared (false: only its row count)
 */
record TableResult(String table, long sourceRows, long targetRows, List<RowDiff> rows, long rowsDiffering,
        String wholeSource, String wholeTarget, boolean hashed) {
    TableResult {
        rows = List.copyOf(rows);
    }

    /** Whether anything differs. */
    boolean differs() {
        return sourceRows != targetRows || rowsDiffering > 0 || wholeSource != null && !wholeSource.equals(wholeTarget);
    }

    /** Whether it was compared whole, having no primary key. */
    boolean whole() {
        return wholeSource != null;
    }
}
