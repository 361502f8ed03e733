package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Objects;

/** Counts and hashes a key range ({@link RangeSql#hash}) on both sides at once, and tells whether they differ. */
final class RangeHash {
    /** The most bytes a range's concatenated row hashes may take; the sessions allow that much. */
    static final long GROUP_CONCAT_MAX = 1L << 30;

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;

    RangeHash(String name, DbEndpoint from, DbEndpoint to) {
        this.name = name;
        this.from = from;
        this.to = to;
    }

    /** True when the range differs, or a side could not be hashed whole (it is then replaced). */
    boolean differs(Connection read, Connection write, List<ColumnInfo> columns, Chunk range) throws SQLException {
        String sql = RangeSql.hash(range, columns);
        Parallel<String[]> theirs = Parallel.start("sitemove-" + name + "-range-hash", () -> {
            try {
                return hash(write, sql, range);
            } catch (SQLException e) {
                throw ChecksumFailures.of(name, "hash a key range", "hashing a key range of", to, "target",
                        range.table().name(), e);
            }
        });
        String[] mine;
        try {
            mine = hash(read, sql, range);
        } catch (SQLException e) {
            try {
                theirs.join();
            } catch (RuntimeException ignored) {
                // the source's failure is the one reported
            }
            throw ChecksumFailures.of(name, "hash a key range", "hashing a key range of", from, "source",
                    range.table().name(), e);
        }
        String[] other = theirs.join();
        return mine == null || other == null || !mine[0].equals(other[0]) || !Objects.equals(mine[1], other[1]);
    }

    /** {count, hash}, or null when the server had to cut the concatenation (the range is then replaced). */
    private static String[] hash(Connection c, String sql, Chunk range) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            RangeSql.bind(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String[] result = {rs.getString(1), rs.getString(2)};
                SQLWarning warning = ps.getWarnings();
                if (warning != null || Long.parseLong(result[0]) * RangeSql.ROW_HASH_CHARS > GROUP_CONCAT_MAX) {
                    return null;
                }
                return result;
            }
        }
    }
}
