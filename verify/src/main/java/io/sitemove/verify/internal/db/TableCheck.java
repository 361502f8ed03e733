package io.sitemove.verify.internal.db;

import io.sitemove.remote.Parallel;
import io.sitemove.sync.mysql.TableComparer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one table on both servers at once, by the same SQL. In full: counts and hashes of key ranges
 * of the key's first column (one grouped scan per side), each range that differs split and hashed again
 * until it is small, then compared row by row; a table keyed otherwise is hashed whole, then row by row;
 * a table without a primary key is hashed whole. By key: the rows of the given keys, and the row counts.
 */
final class TableCheck {
    /** A range of at most this many rows is compared row by row. */
    static final int ROW_LIMIT = 2000;
    /** The differing rows kept of one table (all are counted). */
    static final int KEEP = 10_000;
    private static final int SPLIT = 16;
    private static final int MAX_BUCKETS = 100_000;
    private static final int KEYS_PER_QUERY = 500;

    private final Sides sides;
    private final TableComparer.Table table;
    private final int rangeRows;
    private final List<RowDiff> diffs = new ArrayList<>();
    private long differing;

    /** @param rangeRows about how many rows the first ranges hold */
    TableCheck(Sides sides, TableComparer.Table table, int rangeRows) {
        this.sides = sides;
        this.table = table;
        this.rangeRows = rangeRows;
    }

    /** Compares every row. */
    TableResult full() {
        if (!table.keyed()) {
            Parallel.Both<RangeSum> sums = sides.both("hash a table", table.name(), this::wholeSum);
            return new TableResult(table.name(), sums.source().rows(), sums.target().rows(), List.of(), 0,
                    sums.source().hash(), sums.target().hash(), true);
        }
        if (!table.integerLeadingKey()) {
            return wholeThenRows();
        }
        Parallel.Both<long[]> bounds = sides.both("read a table's key range", table.name(), this::minMax);
        long[] s = bounds.source();
        long[] t = bounds.target();
        if (s == null && t == null) {
            return result(0, 0, true);
        }
        if (s != null && s.length == 0 || t != null && t.length == 0) {
            return wholeThenRows();
        }
        long min = Math.min(s == null ? Long.MAX_VALUE : s[0], t == null ? Long.MAX_VALUE : t[0]);
        long max = Math.max(s == null ? Long.MIN_VALUE : s[1], t == null ? Long.MIN_VALUE : t[1]);
        long estimate = Math.max(1, Math.max(s == null ? 0 : s[2], t == null ? 0 : t[2]));
        long span = max - min + 1;
        long step = Math.max(1, Math.max(ceil(span, MAX_BUCKETS), (long) Math.ceil((double) span * rangeRows / estimate)));
        long[] rows = narrow(min, max + 1, step);
        return result(rows[0], rows[1], true);
    }

    /** A table not cut into ranges: hashed whole on both sides, then compared row by row when it differs. */
    private TableResult wholeThenRows() {
        Parallel.Both<RangeSum> sums = sides.both("hash a table", table.name(), this::wholeSum);
        if (!sums.source().equals(sums.target())) {
            compareRows(null, null);
        }
        return result(sums.source().rows(), sums.target().rows(), true);
    }

    /** Compares the rows of these keys (key texts), and the row counts. */
    TableResult byKeys(Set<String> keys) {
        Parallel.Both<Long> counts = sides.both("count a table's rows", table.name(), this::count);
        List<String> all = new ArrayList<>(new TreeSet<>(keys));
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            List<String> part = all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY));
            Parallel.Both<Map<String, RowReader.Row>> rows = sides.both("hash rows by key", table.name(),
                    (c, db) -> RowReader.byKeys(c, db, table, part));
            keep(RowReader.diff(rows.source(), rows.target()));
        }
        return result(counts.source(), counts.target(), true);
    }

    /** Compares the row counts only. */
    TableResult counts() {
        Parallel.Both<Long> counts = sides.both("count a table's rows", table.name(), this::count);
        return new TableResult(table.name(), counts.source(), counts.target(), List.of(), 0, null, null, false);
    }

    /** Hashes {@code [lo, hi)} in buckets of {@code step} keys and narrows those that differ; returns both row counts. */
    private long[] narrow(long lo, long hi, long step) {
        Parallel.Both<Map<Long, RangeSum>> sums = sides.both("hash key ranges", table.name(),
                (c, db) -> buckets(c, db, lo, hi, step));
        Set<Long> ids = new TreeSet<>(sums.source().keySet());
        ids.addAll(sums.target().keySet());
        long[] rows = new long[2];
        for (long id : ids) {
            RangeSum s = sums.source().getOrDefault(id, RangeSum.EMPTY);
            RangeSum t = sums.target().getOrDefault(id, RangeSum.EMPTY);
            rows[0] += s.rows();
            rows[1] += t.rows();
            if (s.equals(t)) {
                continue;
            }
            long from = lo + id * step;
            long to = Math.min(hi, from + step);
            if (Math.max(s.rows(), t.rows()) <= ROW_LIMIT || to - from <= 1) {
                compareRows(from, to);
            } else {
                narrow(from, to, ceil(to - from, SPLIT));
            }
        }
        return rows;
    }

    private void compareRows(Long lo, Long hi) {
        Parallel.Both<Map<String, RowReader.Row>> rows = sides.both("hash rows", table.name(),
                (c, db) -> RowReader.range(c, db, table, lo, hi));
        keep(RowReader.diff(rows.source(), rows.target()));
    }

    private void keep(List<RowDiff> found) {
        differing += found.size();
        for (RowDiff d : found) {
            if (diffs.size() < KEEP) {
                diffs.add(d);
            }
        }
    }

    private TableResult result(long sourceRows, long targetRows, boolean hashed) {
        return new TableResult(table.name(), sourceRows, targetRows, diffs, differing, null, null, hashed);
    }

    private RangeSum wholeSum(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HashSql.whole(db, table)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new RangeSum(rs.getLong(1), rs.getString(2));
        }
    }

    private Map<Long, RangeSum> buckets(Connection c, String db, long lo, long hi, long step) throws SQLException {
        Map<Long, RangeSum> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(HashSql.buckets(db, table))) {
            ps.setLong(1, lo);
            ps.setLong(2, step);
            ps.setLong(3, lo);
            ps.setLong(4, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new RangeSum(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** {min, max, estimated rows}; null for an empty table, empty for keys beyond a long's half range. */
    private long[] minMax(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HashSql.minMax(db, table)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            BigDecimal min = rs.getBigDecimal(1);
            BigDecimal max = rs.getBigDecimal(2);
            if (min == null || max == null) {
                return null;
            }
            BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE / 4);
            if (min.abs().compareTo(limit) > 0 || max.abs().compareTo(limit) > 0) {
                return new long[0];
            }
            return new long[] {min.longValue(), max.longValue(), estimate(c, db)};
        }
    }

    private long estimate(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, db);
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private long count(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HashSql.count(db, table.name())); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
