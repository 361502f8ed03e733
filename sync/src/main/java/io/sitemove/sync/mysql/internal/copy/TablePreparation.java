package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import io.sitemove.sync.mysql.internal.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans the tables of a copy in its snapshot: how each is read and written ({@link TableJob}) and the
 * chunks it splits into, and recreates a table on the receiving side before its rows arrive (its
 * deferrable secondary indexes left for after the load).
 */
public final class TablePreparation {
    private static final Set<String> NOT_BY_LOAD_DATA = Set.of("json", "geometry", "point", "linestring", "polygon",
            "multipoint", "multilinestring", "multipolygon", "geometrycollection", "geomcollection");
    private static final long CHUNK_BYTES = 16L * 1024 * 1024;
    private static final int MIN_CHUNK_ROWS = 1000;

    private final CopyRequest request;
    private final Connection read;
    private final Connection write;
    private final boolean loadData;
    private final Set<String> referenced;
    private final Map<String, Long> rowLengths;

    /**
     * Plans through {@code read} (a snapshot connection) and recreates through {@code write}.
     *
     * @param loadData whether rows may go in by LOAD DATA (the request asks for it and the target allows it)
     */
    TablePreparation(CopyRequest request, Connection read, Connection write, boolean loadData) throws SQLException {
        this.request = request;
        this.read = read;
        this.write = write;
        this.loadData = loadData;
        this.referenced = referencedTables(read, request.from().database());
        this.rowLengths = averageRowLengths(read, request.from().database());
    }

    /** Whether rows go in by LOAD DATA where the column types allow it. */
    boolean loadData() {
        return loadData;
    }

    /**
     * Recreates one table on the receiving side (its deferrable secondary indexes dropped, to be built after
     * the load) and appends its chunks to {@code chunks}.
     */
    TableJob recreate(String table, long estimate, List<Chunk> chunks) {
        DbEndpoint at = request.from();
        try {
            String create = SourceSnapshot.createStatement(read, table);
            TableInfo info = TableInfo.read(read, request.from().database(), table);
            SecondaryIndexes deferred = request.settings().deferIndexes()
                    ? SecondaryIndexes.of(create, referenced.contains(table)) : SecondaryIndexes.none();
            TableJob job = job(info, deferred, estimate);
            List<Chunk> planned = chunks(job);
            at = request.to();
            Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(table));
            Sql.execute(write, create);
            if (!deferred.isEmpty()) {
                Sql.execute(write, deferred.dropStatement(table));
            }
            chunks.addAll(planned);
            return job;
        } catch (SQLException e) {
            throw LostConnection.sqlFailure(request, at, "prepare the copy", "preparing", table, e);
        }
    }

    /** How the table is read and written, its indexes left as they are. */
    public TableJob job(TableInfo info, long estimate) throws SQLException {
        return job(info, SecondaryIndexes.none(), estimate);
    }

    private TableJob job(TableInfo info, SecondaryIndexes deferred, long estimate) throws SQLException {
        List<String> columns = SourceSnapshot.insertableColumns(read, request.from().database(), info.name());
        boolean byLoadData = loadData && info.columns().stream().noneMatch(c -> NOT_BY_LOAD_DATA.contains(c.dataType()));
        return new TableJob(columns, selectList(info.name(), columns), info, byLoadData, deferred,
                estimate);
    }

    /** The table's chunks, planned in the snapshot, fewer rows each for wide rows. */
    public List<Chunk> chunks(TableJob job) throws SQLException {
        return ChunkPlanner.plan(read, job, chunkRows(request.settings().chunkRows(),
                rowLengths.getOrDefault(job.name(), 0L)));
    }

    /**
     * Rows per chunk: the configured count, fewer for wide rows, so that a table of large rows
     * still splits into chunks of about {@link #CHUNK_BYTES} that several workers share.
     */
    static int chunkRows(int configured, long averageRowLength) {
        if (averageRowLength <= 0) {
            return configured;
        }
        return (int) Math.max(Math.min(configured, MIN_CHUNK_ROWS), Math.min(configured, CHUNK_BYTES / averageRowLength));
    }

    /**
     * The columns to read, FLOAT ones as doubles: the server shows a FLOAT with 6 digits, which
     * does not give back the same value; its exact double does.
     */
    private String selectList(String table, List<String> columns) throws SQLException {
        String plain = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
        StringBuilder list = new StringBuilder();
        try (Statement s = read.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + plain + " FROM " + Sql.quote(table) + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 0; i < columns.size(); i++) {
                String quoted = Sql.quote(columns.get(i));
                boolean isFloat = meta.getColumnTypeName(i + 1).toUpperCase(Locale.ROOT).startsWith("FLOAT");
                list.append(i == 0 ? "" : ", ").append(isFloat ? "(" + quoted + " + 0e0) AS " + quoted : quoted);
            }
        }
        return list.toString();
    }

    private static Map<String, Long> averageRowLengths(Connection c, String database) throws SQLException {
        Map<String, Long> lengths = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, AVG_ROW_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lengths.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return lengths;
    }

    private static Set<String> referencedTables(Connection c, String database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT REFERENCED_TABLE_NAME FROM"
                + " information_schema.KEY_COLUMN_USAGE WHERE REFERENCED_TABLE_SCHEMA = ?"
                + " AND REFERENCED_TABLE_NAME IS NOT NULL")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
