package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import com.mysql.cj.jdbc.JdbcStatement;
import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads one chunk into the receiving database, read from a snapshot connection: a streamed SELECT (never a
 * whole table in memory) loaded by {@code LOAD DATA LOCAL INFILE} from a stream, or by batched
 * INSERTs. A load that leaves warnings or loses rows fails: LOCAL turns errors into warnings, and a
 * duplicate key among them comes back as the error it was (SQLState 23000, error 1062).
 */
public final class ChunkLoader {
    private static final long PART_BYTES = 16L * 1024 * 1024;
    private static final int BATCH_ROWS = 1000;
    private static final long BATCH_BYTES = 4L * 1024 * 1024;
    private static final int PACKET_OVERHEAD = 4096;
    private static final int DUPLICATE_KEY = 1062;

    /** Told the rows and bytes of each part as it lands. */
    @FunctionalInterface
    public interface Progress {
        void landed(long rows, long bytes);
    }

    /**
     * What a load carried.
     *
     * @param rows the rows loaded
     * @param bytes the bytes of their values
     */
    public record Loaded(long rows, long bytes) {
        /** Nothing yet. */
        static final Loaded NONE = new Loaded(0, 0);

        Loaded plus(Loaded more) {
            return new Loaded(rows + more.rows, bytes + more.bytes);
        }
    }

    private final Connection read;
    private final Connection write;
    private final DbEndpoint to;
    private final long targetMaxPacket;
    private final int pageRows;
    private final Progress progress;
    private long largestRow;
    private byte[][] lastKey;

    public ChunkLoader(Connection read, Connection write, DbEndpoint to, long targetMaxPacket, int pageRows,
            Progress progress) {
        this.read = read;
        this.write = write;
        this.to = to;
        this.targetMaxPacket = targetMaxPacket;
        this.pageRows = pageRows;
        this.progress = progress;
    }

    /** Keeps a hostile or confused server from reading local files through LOAD DATA LOCAL. */
    public static void guard(Connection write) throws SQLException {
        try (Statement s = write.createStatement()) {
            s.unwrap(JdbcStatement.class).setLocalInfileInputStream(InputStream.nullInputStream());
        }
    }

    /** The largest row copied so far, in bytes. */
    public long largestRow() {
        return largestRow;
    }

    /** Loads the chunk's rows. */
    public Loaded copy(Chunk chunk) throws SQLException {
        TableJob t = chunk.table();
        Loaded total = Loaded.NONE;
        byte[][] after = null;
        while (true) {
            boolean paged = t.split() == TableJob.Split.KEYSET;
            String sql = select(chunk, after != null, paged);
            Loaded page;
            try (PreparedStatement ps = read.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(Integer.MIN_VALUE);
                bind(ps, chunk, after);
                try (ResultSet rs = ps.executeQuery()) {
                    page = t.loadData() ? loadData(t, rs) : insert(t, rs);
                    total = total.plus(page);
                    after = page.rows() == 0 ? after : lastKey;
                }
            }
            if (!paged || page.rows() < this.pageRows) {
                return total;
            }
        }
    }

    private String select(Chunk chunk, boolean afterKey, boolean paged) {
        TableJob t = chunk.table();
        StringBuilder sql = new StringBuilder("SELECT ").append(t.selectList()).append(" FROM ").append(Sql.quote(t.name()));
        List<String> where = new ArrayList<>();
        if (t.split() == TableJob.Split.INTEGER_RANGES) {
            String k = Sql.quote(t.key().get(0).name());
            if (chunk.from() != null) {
                where.add(k + " >= ?");
            }
            if (chunk.to() != null) {
                where.add(k + " < ?");
            }
        }
        if (afterKey) {
            List<String> any = new ArrayList<>();
            for (int j = 0; j < t.key().size(); j++) {
                List<String> all = new ArrayList<>();
                for (int i = 0; i < j; i++) {
                    all.add(Sql.quote(t.key().get(i).name()) + " = " + placeholder(t.key().get(i)));
                }
                all.add(Sql.quote(t.key().get(j).name()) + " > " + placeholder(t.key().get(j)));
                any.add("(" + String.join(" AND ", all) + ")");
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (paged) {
            sql.append(" ORDER BY ").append(t.key().stream().map(k -> Sql.quote(k.name())).collect(Collectors.joining(", ")))
                    .append(" LIMIT ").append(pageRows);
        }
        return sql.toString();
    }

    private static String placeholder(ColumnInfo c) {
        if (c.integer()) {
            return c.unsigned() ? "CAST(? AS UNSIGNED)" : "CAST(? AS SIGNED)";
        }
        if (c.dataType().equals("decimal")) {
            return "CAST(? AS DECIMAL(65,30))";
        }
        if (c.text()) {
            return "CONVERT(? USING " + c.charset() + ") COLLATE " + c.collation();
        }
        return "?";
    }

    private static void bind(PreparedStatement ps, Chunk chunk, byte[][] after) throws SQLException {
        int p = 1;
        if (chunk.from() != null) {
            ps.setLong(p++, chunk.from());
        }
        if (chunk.to() != null) {
            ps.setLong(p++, chunk.to());
        }
        if (after != null) {
            int n = after.length;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    ps.setBytes(p++, after[i]);
                }
            }
        }
    }

    private byte[][] keyOf(TableJob t, byte[][] row) {
        byte[][] key = new byte[t.keyPositions().size()][];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[t.keyPositions().get(i)];
        }
        return key;
    }

    private Loaded loadData(TableJob t, ResultSet rs) throws SQLException {
        LoadDataStream stream = new LoadDataStream(rs, t.columns().size());
        String load = "LOAD DATA LOCAL INFILE 'sitemove-stream' INTO TABLE " + Sql.quote(t.name())
                + " CHARACTER SET binary FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES TERMINATED BY X'0A' ("
                + t.columns().stream().map(Sql::quote).collect(Collectors.joining(", ")) + ")";
        long rows = 0;
        long bytes = 0;
        while (stream.hasMore()) {
            stream.startPart(PART_BYTES);
            long loaded;
            try (Statement s = write.createStatement()) {
                JdbcStatement hook = s.unwrap(JdbcStatement.class);
                stream(hook, stream);
                try {
                    loaded = s.executeLargeUpdate(load);
                } catch (SQLException e) {
                    throw stream.failure() != null ? stream.failure() : e;
                } finally {
                    stream(hook, InputStream.nullInputStream());
                }
                if (stream.failure() != null) {
                    throw stream.failure();
                }
                SQLWarning warning = s.getWarnings();
                if (warning != null && warning.getErrorCode() == DUPLICATE_KEY) {
                    throw new SQLIntegrityConstraintViolationException("LOAD DATA into " + Sql.quote(t.name())
                            + " on " + to.where() + " met a duplicate key: " + warning.getMessage(), "23000",
                            DUPLICATE_KEY);
                }
                if (warning != null) {
                    throw MigrationException.permanent("LOAD DATA into " + Sql.quote(t.name()) + " on " + to.where()
                            + " warned: " + warning.getMessage() + " (error " + warning.getErrorCode()
                            + "); the value did not arrive exactly, so the copy stops; compare the column types and"
                            + " sql_mode of both servers");
                }
            }
            if (loaded != stream.partRows()) {
                throw MigrationException.permanent("LOAD DATA into " + Sql.quote(t.name()) + " on " + to.where()
                        + " took " + loaded + " of " + stream.partRows() + " rows; the copy stops");
            }
            rows += loaded;
            bytes += stream.partValueBytes();
            if (stream.lastRow() != null) {
                lastKey = keyOf(t, stream.lastRow());
            }
            stream.shrink();
            progress.landed(loaded, stream.partValueBytes());
        }
        largestRow = Math.max(largestRow, stream.largestRow());
        return new Loaded(rows, bytes);
    }

    /** Sets the stream LOAD DATA LOCAL reads; a connection the driver tore down is reported as closed. */
    private void stream(JdbcStatement hook, InputStream in) throws SQLException {
        try {
            hook.setLocalInfileInputStream(in);
        } catch (RuntimeException e) {
            throw LostConnection.closedUnderneath(e, write);
        }
    }

    private Loaded insert(TableJob t, ResultSet rs) throws SQLException {
        String insert = "INSERT INTO " + Sql.quote(t.name()) + " ("
                + t.columns().stream().map(Sql::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + t.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        int n = t.columns().size();
        long rows = 0;
        long bytes = 0;
        try (PreparedStatement ps = write.prepareStatement(insert)) {
            boolean[] json = new boolean[n];
            for (int i = 0; i < n; i++) {
                json[i] = "JSON".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(i + 1));
            }
            int pending = 0;
            long pendingBytes = 0;
            byte[][] row = new byte[n][];
            while (rs.next()) {
                long rowBytes = 0;
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getBytes(i + 1);
                    rowBytes += row[i] == null ? 0 : row[i].length * 2L;
                }
                if (rowBytes + PACKET_OVERHEAD > targetMaxPacket) {
                    throw tooBig(t, row, rowBytes / 2);
                }
                for (int i = 0; i < n; i++) {
                    if (json[i] && row[i] != null) {
                        ps.setString(i + 1, new String(row[i], StandardCharsets.UTF_8));
                    } else {
                        ps.setBytes(i + 1, row[i]);
                    }
                }
                ps.addBatch();
                largestRow = Math.max(largestRow, rowBytes / 2);
                lastKey = keyOf(t, row);
                pending++;
                pendingBytes += rowBytes / 2;
                if (pending >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                    ps.executeBatch();
                    rows += pending;
                    bytes += pendingBytes;
                    progress.landed(pending, pendingBytes);
                    pending = 0;
                    pendingBytes = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                rows += pending;
                bytes += pendingBytes;
                progress.landed(pending, pendingBytes);
            }
        }
        return new Loaded(rows, bytes);
    }

    private MigrationException tooBig(TableJob t, byte[][] row, long size) {
        String key = t.hasPrimaryKey()
                ? t.key().stream().map(ColumnInfo::name).collect(Collectors.joining(", ")) + " = "
                        + describe(keyOf(t, row))
                : "(no primary key)";
        return MigrationException.permanent("a row of " + Sql.quote(t.name()) + " (" + key + ") is " + size
                + " bytes, more than the target " + to.where() + " accepts in one statement (max_allowed_packet = "
                + targetMaxPacket + "); raise max_allowed_packet on the target (SET GLOBAL max_allowed_packet = ...)"
                + " or copy with BulkLoad.LOAD_DATA, which streams rows of any size");
    }

    private static String describe(byte[][] key) {
        List<String> parts = new ArrayList<>();
        for (byte[] k : key) {
            String s = k == null ? "NULL" : new String(k, StandardCharsets.UTF_8);
            parts.add(s.length() > 64 ? s.substring(0, 64) + "..." : s);
        }
        return String.join(", ", parts);
    }
}
