package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table with a single integer primary key into key ranges of about {@code chunkRows}
 * rows, from its smallest and largest key in the snapshot and the server's row estimate (ids are
 * taken as dense when the estimate is below one chunk: stale statistics then cost empty ranges,
 * which are cheap, not one huge chunk). Other tables are one chunk.
 */
public final class ChunkPlanner {
    private static final int MAX_CHUNKS = 10_000;

    private ChunkPlanner() {
    }

    /** The chunks of one table, read in the given snapshot. */
    public static List<Chunk> plan(Connection snapshot, TableJob table, int chunkRows) throws SQLException {
        if (table.split() != TableJob.Split.INTEGER_RANGES) {
            return List.of(Chunk.whole(table));
        }
        String key = Sql.quote(table.key().get(0).name());
        BigDecimal min;
        BigDecimal max;
        try (Statement s = snapshot.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(" + key + "), MAX(" + key + ") FROM " + Sql.quote(table.name()))) {
            rs.next();
            min = rs.getBigDecimal(1);
            max = rs.getBigDecimal(2);
        }
        if (min == null || !fitsLong(min) || !fitsLong(max)) {
            return List.of(Chunk.whole(table));
        }
        return ranges(table, min.longValueExact(), max.longValueExact(), table.estimatedRows(), chunkRows);
    }

    /** Ranges covering every key (the first and last open-ended). */
    static List<Chunk> ranges(TableJob table, long min, long max, long estimate, int chunkRows) {
        double span = (double) max - (double) min + 1;
        double expected = estimate >= chunkRows ? Math.min(estimate, span) : span;
        long count = Math.min(MAX_CHUNKS, Math.max(1, (long) Math.ceil(expected / chunkRows)));
        if (count == 1) {
            return List.of(Chunk.whole(table));
        }
        long step = (long) Math.ceil(span / count);
        List<Chunk> chunks = new ArrayList<>();
        Long from = null;
        for (long i = 1; i < count; i++) {
            long to = min + step * i;
            if (to > max) {
                break;
            }
            chunks.add(new Chunk(table, from, to));
            from = to;
        }
        chunks.add(new Chunk(table, from, null));
        return chunks;
    }

    private static boolean fitsLong(BigDecimal v) {
        return v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) <= 0
                && v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE / 2)) >= 0;
    }
}
