package io.sitemove.wordpress.internal.replace;

import io.sitemove.wordpress.ReplaceReport;
import io.sitemove.wordpress.SearchReplace;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replace over one table: pages of rows in key order (keyset pagination, each page streamed), every text
 * value passed through {@link SearchReplace#apply(byte[])}, the changed rows written back per page in batches of
 * guarded updates (one statement shape per set of changed columns), committed per page. An update only matches
 * while every column it rewrites still holds the bytes that were read; a row another writer changed meanwhile is
 * reported, and, when asked, read again and replaced in once more under the same guard.
 */
public final class TableScan {
    private final TableSchema schema;
    private final List<String> columns;
    private final SearchReplace replace;
    private final int pageSize;
    private final int listCap;
    private final boolean retryChanged;
    private final long[] changed;
    private final long[] replacements;
    private final long[] skippedValues;
    private final List<ReplaceReport.SkippedValue> skipped = new ArrayList<>();
    private final List<ReplaceReport.ChangedRow> changedRows = new ArrayList<>();
    private long skippedCount;
    private long changedCount;
    private long rows;

    /**
     * @param listCap at most this many skipped values and changed rows are listed each; their counts stay exact
     * @param retryChanged whether a row changed meanwhile is read again and replaced in once more
     */
    public TableScan(TableSchema schema, List<String> columns, SearchReplace replace, int pageSize, int listCap,
            boolean retryChanged) {
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.replace = replace;
        this.pageSize = pageSize;
        this.listCap = listCap;
        this.retryChanged = retryChanged;
        this.changed = new long[columns.size()];
        this.replacements = new long[columns.size()];
        this.skippedValues = new long[columns.size()];
    }

    /** One row's rewrite: the columns (indexes into the scan's columns), their values as read and as rewritten. */
    private record RowChange(Object[] key, BitSet columns, byte[][] before, byte[][] after, int[] counts) {
    }

    /** Runs the scan; {@code write} is null for a dry run. */
    public ReplaceReport.Table run(Connection read, Connection write) throws SQLException {
        int keys = schema.key().size();
        Object[] last = null;
        if (write != null) {
            write.setAutoCommit(false);
        }
        while (true) {
            String sql = KeysetQueries.page(schema.table(), schema.key(), columns, last != null, pageSize);
            List<RowChange> changes = new ArrayList<>();
            int n = 0;
            try (PreparedStatement s = read.prepareStatement(sql)) {
                s.setFetchSize(Integer.MIN_VALUE);
                if (last != null) {
                    List<Integer> order = KeysetQueries.afterParameters(keys);
                    for (int i = 0; i < order.size(); i++) {
                        s.setObject(i + 1, last[order.get(i)]);
                    }
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        last = new Object[keys];
                        for (int k = 0; k < keys; k++) {
                            last[k] = rs.getObject(k + 1);
                        }
                        byte[][] values = new byte[columns.size()][];
                        for (int c = 0; c < columns.size(); c++) {
                            values[c] = rs.getBytes(keys + c + 1);
                        }
                        RowChange change = rewrite(last, values, allColumns());
                        if (change != null) {
                            changes.add(change);
                        }
                    }
                }
            }
            rows += n;
            if (write != null) {
                flush(write, changes);
            }
            if (n < pageSize) {
                return report();
            }
        }
    }

    private BitSet allColumns() {
        BitSet all = new BitSet();
        all.set(0, columns.size());
        return all;
    }

    /** Replaces in the given columns of one row, counting; null when nothing changes. */
    private RowChange rewrite(Object[] key, byte[][] values, BitSet which) {
        BitSet touched = new BitSet();
        byte[][] after = new byte[columns.size()][];
        int[] counts = new int[columns.size()];
        for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
            if (values[c] == null) {
                continue;
            }
            SearchReplace.Outcome o = replace.apply(values[c]);
            if (o.skipped()) {
                skippedValues[c]++;
                if (skippedCount++ < listCap) {
                    skipped.add(new ReplaceReport.SkippedValue(schema.table(), columns.get(c), describe(key), o.skipReason()));
                }
            } else if (o.changed()) {
                touched.set(c);
                after[c] = o.value();
                counts[c] = o.replacements();
                changed[c]++;
                replacements[c] += o.replacements();
            }
        }
        return touched.isEmpty() ? null : new RowChange(key, touched, values, after, counts);
    }

    private void flush(Connection write, List<RowChange> changes) throws SQLException {
        Map<BitSet, List<RowChange>> shapes = new LinkedHashMap<>();
        for (RowChange change : changes) {
            shapes.computeIfAbsent(change.columns(), k -> new ArrayList<>()).add(change);
        }
        List<RowChange> lost = new ArrayList<>();
        for (List<RowChange> shape : shapes.values()) {
            int[] counts = update(write, shape);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    lost.add(shape.get(i));
                }
            }
        }
        write.commit();
        for (RowChange change : lost) {
            uncount(change);
            ReplaceReport.Resolution how = retryChanged ? retry(write, change) : ReplaceReport.Resolution.LEFT_AS_CHANGED;
            if (changedCount++ < listCap) {
                changedRows.add(new ReplaceReport.ChangedRow(schema.table(), describe(change.key()), names(change.columns()), how));
            }
        }
        write.commit();
    }

    /** One batch of guarded updates of the same columns; the rows each matched (0 when changed meanwhile). */
    private int[] update(Connection write, List<RowChange> shape) throws SQLException {
        BitSet which = shape.get(0).columns();
        try (PreparedStatement u = write.prepareStatement(KeysetQueries.guardedUpdate(schema.table(), names(which), schema.key()))) {
            for (RowChange change : shape) {
                int p = 1;
                for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
                    u.setString(p++, new String(change.after()[c], StandardCharsets.UTF_8));
                }
                for (Object k : change.key()) {
                    u.setObject(p++, k);
                }
                for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
                    u.setBytes(p++, change.before()[c]);
                }
                u.addBatch();
            }
            return u.executeBatch();
        }
    }

    private ReplaceReport.Resolution retry(Connection write, RowChange lost) throws SQLException {
        List<String> names = names(lost.columns());
        byte[][] values = new byte[columns.size()][];
        try (PreparedStatement s = write.prepareStatement(KeysetQueries.row(schema.table(), names, schema.key()))) {
            for (int k = 0; k < lost.key().length; k++) {
                s.setObject(k + 1, lost.key()[k]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return ReplaceReport.Resolution.REREAD_NOTHING_TO_REPLACE;
                }
                int i = 1;
                for (int c = lost.columns().nextSetBit(0); c >= 0; c = lost.columns().nextSetBit(c + 1)) {
                    values[c] = rs.getBytes(i++);
                }
            }
        }
        RowChange again = rewrite(lost.key(), values, lost.columns());
        if (again == null) {
            return ReplaceReport.Resolution.REREAD_NOTHING_TO_REPLACE;
        }
        if (update(write, List.of(again))[0] == 0) {
            uncount(again);
            return ReplaceReport.Resolution.CHANGED_AGAIN;
        }
        return ReplaceReport.Resolution.REREAD_AND_REPLACED;
    }

    private void uncount(RowChange change) {
        for (int c = change.columns().nextSetBit(0); c >= 0; c = change.columns().nextSetBit(c + 1)) {
            changed[c]--;
            replacements[c] -= change.counts()[c];
        }
    }

    private List<String> names(BitSet which) {
        List<String> out = new ArrayList<>();
        for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
            out.add(columns.get(c));
        }
        return out;
    }

    private String describe(Object[] key) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < key.length; k++) {
            parts.add(schema.key().get(k) + "=" + key[k]);
        }
        return String.join(", ", parts);
    }

    private ReplaceReport.Table report() {
        List<ReplaceReport.Column> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            out.add(new ReplaceReport.Column(columns.get(c), changed[c], replacements[c], skippedValues[c]));
        }
        return new ReplaceReport.Table(schema.table(), null, rows, out, skipped, skippedCount, changedRows, changedCount);
    }
}
