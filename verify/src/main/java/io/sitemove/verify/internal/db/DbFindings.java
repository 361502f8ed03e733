package io.sitemove.verify.internal.db;

import io.sitemove.remote.db.Sql;
import io.sitemove.spi.Finding;
import io.sitemove.sync.mysql.BinlogChanges;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns what the comparison found into findings: tables missing or extra, tables defined otherwise, row
 * counts, and the rows that differ named by key (at most {@code keysPerTable} per table, the rest counted).
 * A difference on a row the source changed after the last sync ({@code pending}) is a pending finding.
 * Every number is the number of what the finding names.
 */
public final class DbFindings {
    private static final String SYNC = "sync the database again";
    private static final String ON_ITS_WAY = "changed on the source after the last sync; the next delta sync carries it";

    private final int keysPerTable;
    private final BinlogChanges pending;
    private final Findings findings = new Findings(10_000);
    private int tablesDiffering;
    private long rowsPending;
    private long sourceRows;

    /** @param pending what changed on the source since the last sync; null when nothing can be pending */
    public DbFindings(int keysPerTable, BinlogChanges pending) {
        this.keysPerTable = keysPerTable;
        this.pending = pending;
    }

    /** Adds the findings of the outcome. */
    public DbFindings add(DatabaseCheck.Outcome outcome) {
        for (String t : outcome.onlySource()) {
            table(t, Finding.blocking("missing", subject(t), "a table (source)", "no such table", SYNC), t);
        }
        for (String t : outcome.onlyTarget()) {
            table(t, Finding.blocking("extra", subject(t), "no such table (source)", "a table",
                    "drop it on the target or " + SYNC), t);
        }
        outcome.columns().forEach((t, shapes) -> table(t, Finding.blocking("columns", subject(t),
                Printable.excerpt(String.join(", ", shapes.source()), 300) + " (source)",
                Printable.excerpt(String.join(", ", shapes.target()), 300), SYNC + "; the schema check names each"
                + " difference"), t));
        for (TableResult r : outcome.results()) {
            sourceRows += r.sourceRows();
            add(r);
        }
        return this;
    }

    private void table(String table, Finding finding, String name) {
        boolean later = pending != null && pending.schemaChanged();
        findings.add(later ? finding.asPending() : finding);
        if (!later) {
            tablesDiffering++;
        }
    }

    private void add(TableResult r) {
        String table = r.table();
        boolean blocked = false;
        if (r.whole() && !r.wholeSource().equals(r.wholeTarget())) {
            blocked = emit(Finding.blocking("content", subject(table) + " (no primary key: compared whole)",
                    r.sourceRows() + " rows, hash " + r.wholeSource() + " (source)", r.targetRows() + " rows, hash "
                    + r.wholeTarget(), SYNC), pending != null && pending.touches(table));
        }
        List<RowDiff> rows = new ArrayList<>(r.rows());
        Predicate<RowDiff> later = d -> pending != null && pending.touches(table, d.key());
        rows.sort(Comparator.comparing((RowDiff d) -> later.test(d)).thenComparing(RowDiff::key));
        rowsPending += rows.stream().filter(later).count();
        long unlistedFaults = r.rowsDiffering() - r.rows().size();
        long unlistedPending = 0;
        int listed = 0;
        for (RowDiff d : rows) {
            if (listed++ < keysPerTable) {
                blocked |= emit(row(table, d), later.test(d));
            } else if (later.test(d)) {
                unlistedPending++;
            } else {
                unlistedFaults++;
            }
        }
        if (unlistedFaults > 0) {
            blocked |= emit(notListed(table, unlistedFaults), false);
        }
        if (unlistedPending > 0) {
            emit(notListed(table, unlistedPending), true);
        }
        if (r.sourceRows() != r.targetRows()) {
            boolean allLater = pending != null && pending.touches(table) && !blocked;
            blocked |= emit(Finding.blocking("row-count", subject(table), rows(r.sourceRows()) + " (source)",
                    rows(r.targetRows()), SYNC), allLater);
        }
        if (blocked) {
            tablesDiffering++;
        }
    }

    /** Adds the finding, pending or not; true when it blocks. */
    private boolean emit(Finding finding, boolean later) {
        findings.add(later ? finding.asPending() : finding);
        return !later && finding.blocks();
    }

    private static Finding row(String table, RowDiff d) {
        String subject = subject(table) + " " + d.shown();
        return switch (d.kind()) {
            case MISSING -> Finding.blocking("row-missing", subject, "the row (source)", "no such row", SYNC);
            case EXTRA -> Finding.blocking("row-extra", subject, "no such row (source)", "the row",
                    "delete it on the target or " + SYNC);
            case CONTENT -> Finding.blocking("row-content", subject, "row hash " + d.sourceHash().substring(0, 16)
                    + " (source)", "row hash " + d.targetHash().substring(0, 16), SYNC);
        };
    }

    private Finding notListed(String table, long n) {
        return Finding.blocking("rows-not-listed", subject(table), "", n + (n == 1 ? " more row differs" : " more rows"
                + " differ") + " (only " + keysPerTable + " keys are listed per table)", SYNC);
    }

    private static String subject(String table) {
        return "table " + Printable.of(Sql.quote(table));
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    /** The findings, pending ones marked, with the given remedy for pending ones. */
    public List<Finding> list() {
        return findings.list().stream().map(f -> f.pending() ? new Finding(f.check(), f.subject(), f.expected(),
                f.actual(), f.severity(), ON_ITS_WAY, true) : f).toList();
    }

    /** How many tables hold a difference that is not pending. */
    public int tablesDiffering() {
        return tablesDiffering;
    }

    /** How many differing rows are pending. */
    public long rowsPending() {
        return rowsPending;
    }

    /** The rows compared on the source. */
    public long sourceRows() {
        return sourceRows;
    }
}
