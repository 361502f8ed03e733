package io.sitemove.wordpress.internal.replace;

import io.sitemove.wordpress.ReplaceReport;
import io.sitemove.wordpress.SearchReplace;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The replace over one table: pages of rows in key order (keyset pagination, each page streamed), every text
 * value passed through {@link SearchReplace#apply(byte[])}, the changed ones written back in one batch of
 * updates by key per page and column, committed per page.
 */
public final class TableScan {
    private final TableSchema schema;
    private final List<String> columns;
    private final SearchReplace replace;
    private final int pageSize;
    private final int skippedCap;
    private final long[] changed;
    private final long[] replacements;
    private final long[] skippedValues;
    private final List<ReplaceReport.SkippedValue> skipped = new ArrayList<>();
    private long skippedCount;
    private long rows;

    public TableScan(TableSchema schema, List<String> columns, SearchReplace replace, int pageSize, int skippedCap) {
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.replace = replace;
        this.pageSize = pageSize;
        this.skippedCap = skippedCap;
        this.changed = new long[columns.size()];
        this.replacements = new long[columns.size()];
        this.skippedValues = new long[columns.size()];
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
            List<List<Object[]>> updates = new ArrayList<>();
            columns.forEach(c -> updates.add(new ArrayList<>()));
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
                        row(rs, last, updates);
                    }
                }
            }
            rows += n;
            if (write != null) {
                flush(write, updates);
            }
            if (n < pageSize) {
                return report();
            }
        }
    }

    private void row(ResultSet rs, Object[] key, List<List<Object[]>> updates) throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            byte[] value = rs.getBytes(schema.key().size() + c + 1);
            if (value == null) {
                continue;
            }
            SearchReplace.Outcome o = replace.apply(value);
            if (o.skipped()) {
                skippedValues[c]++;
                if (skippedCount++ < skippedCap) {
                    skipped.add(new ReplaceReport.SkippedValue(schema.table(), columns.get(c), describe(key), o.skipReason()));
                }
            } else if (o.changed()) {
                changed[c]++;
                replacements[c] += o.replacements();
                updates.get(c).add(new Object[] {new String(o.value(), StandardCharsets.UTF_8), key});
            }
        }
    }

    private void flush(Connection write, List<List<Object[]>> updates) throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            if (updates.get(c).isEmpty()) {
                continue;
            }
            try (PreparedStatement u = write.prepareStatement(KeysetQueries.update(schema.table(), columns.get(c), schema.key()))) {
                for (Object[] change : updates.get(c)) {
                    u.setString(1, (String) change[0]);
                    Object[] key = (Object[]) change[1];
                    for (int k = 0; k < key.length; k++) {
                        u.setObject(k + 2, key[k]);
                    }
                    u.addBatch();
                }
                u.executeBatch();
            }
        }
        write.commit();
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
        return new ReplaceReport.Table(schema.table(), null, rows, out, skipped, skippedCount);
    }
}
