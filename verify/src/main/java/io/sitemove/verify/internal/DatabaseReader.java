package io.sitemove.verify.internal;

import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Reads every base table of one database inside one consistent, read-only snapshot: its shape,
 * CHECKSUM TABLE, and an ordered content hash of all rows, streamed (never held in memory).
 */
public final class DatabaseReader {
    private static final String TABLES = "SELECT TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
    private static final String PRIMARY_KEYS = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = ? AND INDEX_NAME = 'PRIMARY' ORDER BY TABLE_NAME, SEQ_IN_INDEX";
    private static final int PROGRESS_EVERY = 5000;

    private final Connection connection;
    private final String database;
    private final boolean checksumTable;
    private final LongConsumer rowsRead;

    /**
     * @param checksumTable whether to run CHECKSUM TABLE too
     * @param rowsRead told the number of rows read so far, every few thousand rows
     */
    public DatabaseReader(Connection connection, String database, boolean checksumTable, LongConsumer rowsRead) {
        this.connection = connection;
        this.database = database;
        this.checksumTable = checksumTable;
        this.rowsRead = rowsRead;
    }

    /** Whether the database exists on this server. */
    public static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The tables by name, in name order. */
    public Map<String, TableState> read() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
        try {
            Map<String, List<String>> columns = byTable(COLUMNS, true);
            Map<String, List<String>> keys = byTable(PRIMARY_KEYS, false);
            Map<String, TableState> tables = new TreeMap<>();
            long[] total = {0};
            for (String table : tableNames()) {
                List<String> shape = columns.getOrDefault(table, List.of());
                List<String> key = keys.getOrDefault(table, List.of());
                tables.put(table, readTable(table, shape, key, total));
            }
            return tables;
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
        }
    }

    private TableState readTable(String table, List<String> columnsAndTypes, List<String> key, long[] total)
            throws SQLException {
        List<String> names = new ArrayList<>();
        for (String column : columnsAndTypes) {
            names.add(column.substring(0, column.indexOf('\0')));
        }
        String shape = String.join(", ", columnsAndTypes).replace('\0', ' ') + "; primary key (" + String.join(", ", key) + ")";
        OptionalLong checksum = checksumTable ? checksum(table) : OptionalLong.empty();
        RowHasher hasher = new RowHasher();
        if (!names.isEmpty()) {
            hashRows(table, names, key.isEmpty() ? names : key, hasher, total);
        }
        return new TableState(table, shape, hasher.rows(), hasher.finish(), checksum);
    }

    private void hashRows(String table, List<String> columns, List<String> order, RowHasher hasher, long[] total)
            throws SQLException {
        String sql = "SELECT " + quoted(columns) + " FROM " + Sql.qualified(database, table) + " ORDER BY " + quoted(order);
        try (Statement s = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = columns.size();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        hasher.column(rs.getBytes(i));
                    }
                    hasher.endRow();
                    if (++total[0] % PROGRESS_EVERY == 0) {
                        rowsRead.accept(total[0]);
                    }
                }
            }
        }
        rowsRead.accept(total[0]);
    }

    private OptionalLong checksum(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("CHECKSUM TABLE " + Sql.qualified(database, table))) {
            if (rs.next()) {
                long value = rs.getLong(2);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
            }
            return OptionalLong.empty();
        }
    }

    private List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(TABLES)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private Map<String, List<String>> byTable(String sql, boolean withType) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String value = withType ? rs.getString(2) + "\0" + rs.getString(3) : rs.getString(2);
                    out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(value);
                }
            }
        }
        return out;
    }

    private static String quoted(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(Sql.quote(name));
        }
        return String.join(", ", out);
    }
}
