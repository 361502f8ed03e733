package io.sitemove.wordpress;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link DatabaseReplace} did, or in a dry run would do, table by table.
 *
 * @param dryRun true when nothing was written
 * @param tables one report per table looked at, in name order
 * @param took how long the pass took
 */
public record ReplaceReport(boolean dryRun, List<Table> tables, Duration took) {
    /** Copies the list. */
    public ReplaceReport {
        tables = List.copyOf(tables);
    }

    /** The replacements over all tables. */
    public long replacements() {
        return tables.stream().flatMap(t -> t.columns().stream()).mapToLong(Column::replacements).sum();
    }

    /** The rows over all tables that another writer changed between the pass's read and its write. */
    public long changedMeanwhile() {
        return tables.stream().mapToLong(Table::changedMeanwhileCount).sum();
    }

    /**
     * One table.
     *
     * @param table its name
     * @param skipReason why it was not looked at (no primary key, skipped by the plan), or null
     * @param rowsRead the rows read
     * @param columns one report per text column replaced in
     * @param skipped the first values left unchanged for a reason, up to the pass's cap
     * @param skippedCount how many values were left unchanged for a reason, exactly
     * @param changedMeanwhile the first rows another writer changed between the pass's read and its write, up to
     *     the pass's cap; their new content was kept
     * @param changedMeanwhileCount how many rows were changed meanwhile, exactly
     */
    public record Table(String table, String skipReason, long rowsRead, List<Column> columns,
            List<SkippedValue> skipped, long skippedCount, List<ChangedRow> changedMeanwhile,
            long changedMeanwhileCount) {
        /** Copies the lists. */
        public Table {
            columns = List.copyOf(columns);
            skipped = List.copyOf(skipped);
            changedMeanwhile = List.copyOf(changedMeanwhile);
        }

        /** A table no other writer touched during the pass. */
        public Table(String table, String skipReason, long rowsRead, List<Column> columns,
                List<SkippedValue> skipped, long skippedCount) {
            this(table, skipReason, rowsRead, columns, skipped, skippedCount, List.of(), 0);
        }
    }

    /**
     * One column of one table.
     *
     * @param column its name
     * @param valuesChanged the values that changed (or would change, in a dry run)
     * @param replacements the replacements made in them
     * @param valuesSkipped the values left unchanged for a reason
     */
    public record Column(String column, long valuesChanged, long replacements, long valuesSkipped) {
    }

    /**
     * A value left unchanged for a reason.
     *
     * @param table its table
     * @param column its column
     * @param key its row's primary key, {@code column=value} joined by commas
     * @param reason why
     */
    public record SkippedValue(String table, String column, String key, String reason) {
    }

    /**
     * A row whose values another writer changed between the pass's read and its write, so the pass's update
     * matched nothing and the other writer's content was kept.
     *
     * @param table its table
     * @param key its primary key, {@code column=value} joined by commas
     * @param columns the columns the pass meant to rewrite
     * @param resolution what the pass did then
     */
    public record ChangedRow(String table, String key, List<String> columns, Resolution resolution) {
        /** Copies the list. */
        public ChangedRow {
            columns = List.copyOf(columns);
        }
    }

    /** What the pass did with a row changed meanwhile. */
    public enum Resolution {
        /** Left as the other writer left it: retries were off. */
        LEFT_AS_CHANGED,
        /** Read again: the new content needed no replacement (or could not be rewritten) and was left as it is. */
        REREAD_NOTHING_TO_REPLACE,
        /** Read again, replaced in and written, guarded again. */
        REREAD_AND_REPLACED,
        /** Read again and changed again before the second write: left as the other writer left it. */
        CHANGED_AGAIN
    }
}
