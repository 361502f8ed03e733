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

    /**
     * One table.
     *
     * @param table its name
     * @param skipReason why it was not looked at (no primary key, skipped by the plan), or null
     * @param rowsRead the rows read
     * @param columns one report per text column replaced in
     * @param skipped the first values left unchanged for a reason, up to the pass's cap
     * @param skippedCount how many values were left unchanged for a reason, exactly
     */
    public record Table(String table, String skipReason, long rowsRead, List<Column> columns,
            List<SkippedValue> skipped, long skippedCount) {
        /** Copies the lists. */
        public Table {
            columns = List.copyOf(columns);
            skipped = List.copyOf(skipped);
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
}
