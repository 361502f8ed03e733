package io.sitemove.verify.internal.db;

import io.sitemove.sync.mysql.TableComparer;
import io.sitemove.verify.internal.Printable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads rows' keys and hashes ({@link HashSql#rows}) on one server, and compares two such reads. */
final class RowReader {
    /** A row as read: its key as shown, and its MD5. */
    record Row(String shown, String hash) {
    }

    private static final String SEPARATOR = TableComparer.keyText(List.of("", ""));

    private RowReader() {
    }

    /** The rows of {@code [lo, hi)} of the first key column; every row when {@code lo} is null. */
    static Map<String, Row> range(Connection c, String database, TableComparer.Table t, Long lo, Long hi)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HashSql.rows(database, t, lo != null))) {
            if (lo != null) {
                ps.setLong(1, lo);
                ps.setLong(2, hi);
            }
            return read(ps, t);
        }
    }

    /** The rows with these keys (key texts) that the server has. */
    static Map<String, Row> byKeys(Connection c, String database, TableComparer.Table t, List<String> keys)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HashSql.rowsByKey(database, t, keys.size()))) {
            int p = 1;
            for (String key : keys) {
                String[] values = key.split(SEPARATOR, -1);
                for (int i = 0; i < t.primaryKey().size(); i++) {
                    if (t.integerKeys().get(i)) {
                        ps.setBigDecimal(p++, new BigDecimal(values[i]));
                    } else {
                        ps.setString(p++, values[i]);
                    }
                }
            }
            return read(ps, t);
        }
    }

    private static Map<String, Row> read(PreparedStatement ps, TableComparer.Table t) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        int width = t.primaryKey().size();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> values = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    values.add(rs.getString(i));
                }
                rows.put(TableComparer.keyText(values), new Row(shown(t, values), rs.getString(width + 1)));
            }
        }
        return rows;
    }

    /** The rows whose hash differs or that one side lacks, in key text order. */
    static List<RowDiff> diff(Map<String, Row> source, Map<String, Row> target) {
        TreeSet<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(target.keySet());
        List<RowDiff> out = new ArrayList<>();
        for (String key : keys) {
            Row s = source.get(key);
            Row t = target.get(key);
            if (s == null || t == null || !s.hash().equals(t.hash())) {
                out.add(RowDiff.of(key, (s != null ? s : t).shown(), s == null ? null : s.hash(),
                        t == null ? null : t.hash()));
            }
        }
        return out;
    }

    /** {@code id=3}, or {@code (a, b)=(1, x)}; quoted names and printable values, cut when long. */
    static String shown(TableComparer.Table t, List<String> values) {
        List<String> names = t.primaryKey().stream().map(Printable::of).toList();
        List<String> printable = values.stream().map(v -> Printable.excerpt(v, 60)).toList();
        if (names.size() == 1) {
            return names.get(0) + "=" + printable.get(0);
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", printable) + ")";
    }
}
