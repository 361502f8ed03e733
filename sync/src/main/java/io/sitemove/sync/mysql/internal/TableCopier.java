package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams a table's rows from one connection into batched INSERTs on another. Values travel as the
 * server's own bytes ({@code getBytes}/{@code setBytes}), so binary data, utf8mb4 text, decimals,
 * NULL and empty strings arrive unchanged.
 */
public final class TableCopier {
    private static final int BATCH_ROWS = 1000;
    private static final long BATCH_BYTES = 4L * 1024 * 1024;

    /** Told the rows and bytes copied so far for the table. */
    @FunctionalInterface
    public interface Progress {
        void copied(long rows, long bytes);
    }

    private TableCopier() {
    }

    /**
     * Copies all rows; returns {rows, bytes}.
     *
     * @param commitEachBatch commit the receiver after each batch (a fresh table), or leave the
     *     transaction to the caller (a replacement that must appear at once)
     */
    public static long[] copy(Connection from, Connection to, String table, List<String> columns,
            boolean commitEachBatch, Progress progress) throws SQLException {
        String columnList = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
        String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String select = "SELECT " + selectList(from, table, columns) + " FROM " + Sql.quote(table);
        String insert = "INSERT INTO " + Sql.quote(table) + " (" + columnList + ") VALUES (" + placeholders + ")";
        long rows = 0;
        long bytes = 0;
        try (Statement read = from.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            read.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = read.executeQuery(select); PreparedStatement write = to.prepareStatement(insert)) {
                boolean[] json = jsonColumns(rs.getMetaData());
                int pending = 0;
                long pendingBytes = 0;
                while (rs.next()) {
                    for (int i = 1; i <= json.length; i++) {
                        byte[] value = rs.getBytes(i);
                        if (value != null && json[i - 1]) {
                            write.setString(i, new String(value, StandardCharsets.UTF_8));
                        } else {
                            write.setBytes(i, value);
                        }
                        pendingBytes += value == null ? 0 : value.length;
                    }
                    write.addBatch();
                    pending++;
                    if (pending >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                        flush(write, to, commitEachBatch);
                        rows += pending;
                        bytes += pendingBytes;
                        pending = 0;
                        pendingBytes = 0;
                        progress.copied(rows, bytes);
                    }
                }
                if (pending > 0) {
                    flush(write, to, commitEachBatch);
                    rows += pending;
                    bytes += pendingBytes;
                }
                progress.copied(rows, bytes);
            }
        }
        return new long[] {rows, bytes};
    }

    /**
     * The columns to read, FLOAT ones as doubles: the server shows a FLOAT with 6 digits, which
     * does not give back the same value; its exact double does.
     */
    static String selectList(Connection from, String table, List<String> columns) throws SQLException {
        String plain = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
        StringBuilder list = new StringBuilder();
        try (Statement s = from.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + plain + " FROM " + Sql.quote(table) + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 0; i < columns.size(); i++) {
                String quoted = Sql.quote(columns.get(i));
                list.append(i == 0 ? "" : ", ").append(meta.getColumnTypeName(i + 1).toUpperCase(java.util.Locale.ROOT).startsWith("FLOAT")
                        ? "(" + quoted + " + 0e0) AS " + quoted : quoted);
            }
        }
        return list.toString();
    }

    private static boolean[] jsonColumns(ResultSetMetaData meta) throws SQLException {
        boolean[] json = new boolean[meta.getColumnCount()];
        for (int i = 0; i < json.length; i++) {
            json[i] = "JSON".equalsIgnoreCase(meta.getColumnTypeName(i + 1));
        }
        return json;
    }

    private static void flush(PreparedStatement write, Connection to, boolean commit) throws SQLException {
        write.executeBatch();
        if (commit) {
            to.commit();
        }
    }
}
