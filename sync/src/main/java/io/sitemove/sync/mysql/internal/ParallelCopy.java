package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FULL copy: every base table recreated on the target and filled by a bounded pool of workers,
 * each taking one table at a time, reading its chunks in key order from its own connection to one
 * consistent snapshot ({@link SnapshotGroup}) and loading them in bulk over its own target
 * connection, with foreign-key and unique checks off and deferrable secondary indexes built once the
 * table's last chunk landed;
 * then views, routines, triggers and events.
 */
public final class ParallelCopy {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelCopy.class);
    private static final Set<String> NOT_BY_LOAD_DATA = Set.of("json", "geometry", "point", "linestring", "polygon",
            "multipoint", "multilinestring", "multipolygon", "geometrycollection", "geomcollection");

    /**
     * How the copy runs.
     *
     * @param workers connections reading and writing at once
     * @param loadData LOAD DATA (else batched INSERTs)
     * @param deferIndexes build plain and unique secondary indexes after the load
     * @param chunkRows about how many rows a chunk (or a keyset page) holds
     * @param lockWait how long to wait for the read lock that opens the snapshots
     */
    public record Settings(int workers, boolean loadData, boolean deferIndexes, int chunkRows, Duration lockWait) {
    }

    /** What the copy did, and the figures for the report. */
    public record Report(SnapshotCopy.Outcome outcome, Map<String, String> details) {
    }

    private static final long CHUNK_BYTES = 16L * 1024 * 1024;
    private static final int MIN_CHUNK_ROWS = 1000;

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final boolean dropMissingTables;
    private final ProgressReporter progress;
    private final Definer definer;
    private final Settings settings;
    private boolean onlyDiffering;
    private long deleted;
    private RangeDelta.Outcome ranges;
    private long rowsDone;
    private long bytesDone;
    private long rowEstimate;

    public ParallelCopy(String name, DbEndpoint from, DbEndpoint to, boolean dropMissingTables,
            ProgressReporter progress, Definer definer, Settings settings) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.dropMissingTables = dropMissingTables;
        this.progress = progress;
        this.definer = definer;
        this.settings = settings;
    }

    /**
     * The checksum delta, judged inside the copy's snapshot, with the target's triggers suspended:
     * tables with a primary key and the same definition on both sides are compared and repaired by key
     * range ({@link RangeDelta}); tables missing on the target or defined differently are recopied,
     * and so are tables without a primary key whose checksum or row count differs.
     */
    public Report runDiffering() {
        onlyDiffering = true;
        return run();
    }

    /** Copies everything. */
    public Report run() {
        long started = System.nanoTime();
        try (SnapshotGroup group = SnapshotGroup.open(from, settings.workers(), settings.lockWait());
             Connection write = Sql.open(to, false)) {
            return copy(group, write, started);
        } catch (SQLException e) {
            throw Sql.failure("close the connections (" + name + ")", to, null, e);
        }
    }

    private Report copy(SnapshotGroup group, Connection write, long started) {
        Connection read = group.readers().get(0);
        String table = null;
        DbEndpoint at = from;
        try {
            SourceSnapshot snapshot = SourceSnapshot.describe(read, from, group.binlogPosition());
            at = to;
            SnapshotCopy.prepareTarget(write, to, snapshot);
            write.setAutoCommit(true);
            boolean loadData = settings.loadData() && "1".equals(Sql.single(write, "SELECT @@GLOBAL.local_infile"));
            Set<String> targetTables = SnapshotCopy.baseTables(write, to.database());
            if (!onlyDiffering) {
                return copyTables(group, read, write, snapshot, loadData, targetTables, started);
            }
            TriggerSuspension triggers = TriggerSuspension.suspend(write, to.database(), to.where());
            try {
                return copyTables(group, read, write, snapshot, loadData, targetTables, started);
            } finally {
                triggers.close();
            }
        } catch (SQLException e) {
            throw Sql.failure("copy tables (" + name + ")", at, table, e);
        }
    }

    private Report copyTables(SnapshotGroup group, Connection read, Connection write, SourceSnapshot snapshot,
            boolean loadData, Set<String> targetTables, long started) {
        DbEndpoint at = from;
        try {
            Set<String> referenced = referencedTables(read, from.database());
            Map<String, Long> rowLengths = averageRowLengths(read, from.database());
            Set<String> recopy = onlyDiffering
                    ? differing(group, read, write, snapshot, targetTables, loadData, rowLengths) : null;
            List<TableJob> jobs = new ArrayList<>();
            List<Chunk> chunks = new ArrayList<>();
            Map<String, String> details = new LinkedHashMap<>();
            long[] figures = runWorkers(group, snapshot, sink -> {
                List<Map.Entry<String, Long>> largestFirst = new ArrayList<>(snapshot.tables().entrySet());
                largestFirst.sort(Map.Entry.comparingByValue(Comparator.reverseOrder()));
                for (Map.Entry<String, Long> entry : largestFirst) {
                    if (recopy == null || recopy.contains(entry.getKey())) {
                        TableJob job = prepare(read, write, entry.getKey(), entry.getValue(), loadData, referenced,
                                rowLengths, chunks);
                        jobs.add(job);
                        expect(job.estimatedRows());
                    }
                    sink.accept(chunks);
                }
                LOG.debug("{}: {} tables prepared on {} in {} ms; {} chunks to copy", name, jobs.size(), to.where(),
                        (System.nanoTime() - started) / 1_000_000, chunks.size());
            });
            at = to;
            List<String> extra = SnapshotCopy.extraTables(name, write, to, targetTables, snapshot.tables().keySet(),
                    dropMissingTables);
            Optional<SchemaObjects.Outcome> objects = Optional.empty();
            if (definer != null) {
                objects = Optional.of(new SchemaObjects(name, from, to, definer).copy(read, write));
            }
            long rows = jobs.stream().mapToLong(j -> j.rows().get()).sum();
            long bytes = jobs.stream().mapToLong(j -> j.bytes().get()).sum();
            Set<String> copied = new TreeSet<>(jobs.stream().map(TableJob::name).toList());
            if (ranges != null) {
                rows += ranges.rows();
                bytes += ranges.bytes();
                copied.addAll(ranges.changed());
                details.putAll(rangeDetails(ranges, jobs.size()));
            }
            for (TableJob j : jobs) {
                LOG.debug("{}: copied table {} ({} rows, {} bytes)", name, Sql.quote(j.name()), j.rows(), j.bytes());
            }
            details.put("workers", Integer.toString(group.readers().size()));
            details.put("snapshot", group.how());
            if (group.lockMillis() >= 0) {
                details.put("snapshotLockMillis", Long.toString(group.lockMillis()));
            }
            details.put("bulkLoad", loadData ? "LOAD_DATA" : settings.loadData()
                    ? "INSERT (the target has local_infile=OFF)" : "INSERT");
            details.put("chunks", Integer.toString(chunks.size()));
            List<String> noKey = jobs.stream().filter(j -> !j.hasPrimaryKey()).map(TableJob::name).toList();
            if (!noKey.isEmpty()) {
                details.put("tablesWithoutPrimaryKey", String.join(",", noKey) + " (copied whole, not in chunks)");
            }
            int deferredIndexes = jobs.stream().mapToInt(j -> j.deferred().size()).sum();
            details.put("indexesBuiltAfterLoad", Integer.toString(deferredIndexes));
            details.put("indexBuildMillis", Long.toString(figures[0]));
            details.put("largestRowBytes", Long.toString(figures[1]));
            details.put("heapPeakMb", Long.toString(figures[2] / (1024 * 1024)));
            details.put("copyMillis", Long.toString((System.nanoTime() - started) / 1_000_000));
            LOG.info("{}: copied {} tables ({} rows, {} bytes) from {} to {} with {} workers; {}", name, jobs.size(), rows,
                    bytes, from.where(), to.where(), group.readers().size(), group.how());
            SnapshotCopy.Outcome outcome = new SnapshotCopy.Outcome(rows, bytes, deleted,
                    List.copyOf(copied), snapshot.tables().size(), extra, dropMissingTables,
                    snapshot.binlogPosition().orElse(""), objects);
            return new Report(outcome, details);
        } catch (SQLException e) {
            throw Sql.failure("copy tables (" + name + ")", at, null, e);
        }
    }

    /**
     * Recreates one table on the target (its secondary indexes left for after the load where that
     * is faster) and appends its chunks to {@code chunks}.
     */
    private TableJob prepare(Connection read, Connection write, String table, long estimate, boolean loadData,
            Set<String> referenced, Map<String, Long> rowLengths, List<Chunk> chunks) {
        DbEndpoint at = from;
        try {
            String create = SourceSnapshot.createStatement(read, table);
            TableInfo info = TableInfo.read(read, from.database(), table);
            SecondaryIndexes deferred = settings.deferIndexes()
                    ? SecondaryIndexes.of(create, referenced.contains(table)) : SecondaryIndexes.none();
            TableJob job = job(read, info, loadData, deferred, estimate);
            List<Chunk> planned = ChunkPlanner.plan(read, job,
                    chunkRows(settings.chunkRows(), rowLengths.getOrDefault(table, 0L)));
            at = to;
            Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(table));
            Sql.execute(write, create);
            if (!deferred.isEmpty()) {
                Sql.execute(write, deferred.dropStatement(table));
            }
            chunks.addAll(planned);
            return job;
        } catch (SQLException e) {
            throw Sql.failure("prepare the copy (" + name + ")", at, table, e);
        }
    }

    private TableJob job(Connection read, TableInfo info, boolean loadData, SecondaryIndexes deferred, long estimate)
            throws SQLException {
        List<String> columns = SourceSnapshot.insertableColumns(read, from.database(), info.name());
        boolean byLoadData = loadData && info.columns().stream().noneMatch(c -> NOT_BY_LOAD_DATA.contains(c.dataType()));
        return new TableJob(info.name(), columns, TableCopier.selectList(read, info.name(), columns), info, byLoadData,
                deferred, estimate);
    }

    /**
     * Runs the range delta over the tables of the same definition that have a primary key, and
     * returns the tables to recopy whole: those missing on the target or defined differently, and
     * those without a primary key whose checksum or row count differs.
     */
    private Set<String> differing(SnapshotGroup group, Connection read, Connection write, SourceSnapshot snapshot,
            Set<String> targetTables, boolean loadData, Map<String, Long> rowLengths) throws SQLException {
        Set<String> recopy = new TreeSet<>();
        List<String> withoutKey = new ArrayList<>();
        List<RangeDelta.Table> keyed = new ArrayList<>();
        for (String table : snapshot.tables().keySet()) {
            if (!targetTables.contains(table) || !SnapshotCopy.normalize(SourceSnapshot.createStatement(read, table))
                    .equals(SnapshotCopy.normalize(SourceSnapshot.createStatement(write, table)))) {
                recopy.add(table);
                continue;
            }
            TableInfo info = TableInfo.read(read, from.database(), table);
            if (!info.hasPrimaryKey()) {
                withoutKey.add(table);
                continue;
            }
            TableJob job = job(read, info, loadData, SecondaryIndexes.none(), snapshot.tables().get(table));
            keyed.add(new RangeDelta.Table(job, info.columns(), ChunkPlanner.plan(read, job,
                    chunkRows(settings.chunkRows(), rowLengths.getOrDefault(table, 0L)))));
        }
        keyed.sort(Comparator.comparingLong((RangeDelta.Table t) -> -t.job().estimatedRows()));
        ranges = new RangeDelta(name, from, to, snapshot.sqlMode(), settings.chunkRows(), this::landed)
                .run(group.readers(), keyed);
        withoutKey.sort(Comparator.comparingLong((String t) -> -snapshot.tables().get(t)));
        ChecksumDiff.Result checked = ChecksumDiff.find(group.readers(), from, to, withoutKey);
        recopy.addAll(checked.differing());
        long replaced = 0;
        for (String table : ranges.recopyWhole()) {
            replaced += Long.parseLong(Sql.single(write, "SELECT COUNT(*) FROM " + Sql.quote(table)));
        }
        recopy.addAll(ranges.recopyWhole());
        deleted = checked.targetRows() + ranges.deleted() + replaced;
        return recopy;
    }

    private static Map<String, String> rangeDetails(RangeDelta.Outcome ranges, int tablesRecopied) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tablesComparedByRange", Integer.toString(ranges.tables()));
        details.put("rangesCompared", Long.toString(ranges.ranges()));
        details.put("rangesDiffering", Long.toString(ranges.differing()));
        details.put("rangeRowsCopied", Long.toString(ranges.rows()));
        details.put("rangeRowsDeleted", Long.toString(ranges.deleted()));
        if (ranges.together() > 0) {
            details.put("rangesReplacedTogether", ranges.together()
                    + " (after a unique key value moved between ranges, or a lock conflict between workers)");
        }
        details.put("tablesRecopiedWhole", Integer.toString(tablesRecopied));
        if (!ranges.recopyWhole().isEmpty()) {
            details.put("tablesGivenUpToRecopy", String.join(",", ranges.recopyWhole())
                    + " (nearly every range compared differed)");
        }
        return details;
    }

    /** Prepares tables on the calling thread while the workers copy what is ready. */
    @FunctionalInterface
    private interface Preparation {
        /** Prepares the tables, handing {@code sink} the list of all chunks so far after each one. */
        void run(Consumer<List<Chunk>> sink);
    }

    /**
     * Starts the workers, runs {@code preparation} on this thread, feeding the workers each table's
     * chunks as soon as the table is ready, and waits for the copy; returns {index build millis,
     * largest row, heap peak}. The preparation reads through the first snapshot connection, whose
     * worker starts once the preparation is done.
     */
    private long[] runWorkers(SnapshotGroup group, SourceSnapshot snapshot, Preparation preparation) {
        ConcurrentLinkedDeque<TableLoad> queue = new ConcurrentLinkedDeque<>();
        AtomicInteger outstanding = new AtomicInteger(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicLong indexNanos = new AtomicLong();
        AtomicLong largestRow = new AtomicLong();
        int n = group.readers().size();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "sitemove-" + name + "-copy");
            t.setDaemon(true);
            return t;
        });
        long heapPeak = 0;
        try {
            List<Future<?>> workers = new ArrayList<>();
            List<Connection> readers = group.readers();
            for (Connection read : readers.subList(1, n)) {
                workers.add(pool.submit(() -> work(read, snapshot, queue, outstanding, failure, indexNanos,
                        largestRow)));
            }
            int[] fed = {0};
            try {
                preparation.run(all -> {
                    List<Chunk> fresh = all.subList(fed[0], all.size());
                    if (!fresh.isEmpty()) {
                        outstanding.incrementAndGet();
                        queue.addLast(new TableLoad(List.copyOf(fresh)));
                    }
                    fed[0] = all.size();
                });
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                outstanding.decrementAndGet();
            }
            workers.add(pool.submit(() -> work(readers.get(0), snapshot, queue, outstanding, failure, indexNanos,
                    largestRow)));
            Runtime runtime = Runtime.getRuntime();
            for (Future<?> w : workers) {
                while (true) {
                    heapPeak = Math.max(heapPeak, runtime.totalMemory() - runtime.freeMemory());
                    try {
                        w.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // still copying: sample the heap again
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, MigrationException.retryable("the copy (" + name + ") to " + to.where()
                    + " was interrupted", e));
        } catch (ExecutionException e) {
            failure.compareAndSet(null, MigrationException.permanent("a copy worker (" + name + ") failed: "
                    + e.getCause(), e.getCause()));
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new long[] {indexNanos.get() / 1_000_000, largestRow.get(), heapPeak};
    }

    private void work(Connection read, SourceSnapshot snapshot, ConcurrentLinkedDeque<TableLoad> queue,
            AtomicInteger outstanding, AtomicReference<RuntimeException> failure, AtomicLong indexNanos,
            AtomicLong largestRow) {
        try (Connection write = LoadConnections.open(to)) {
            prepareSession(write, snapshot);
            long maxPacket = Long.parseLong(Sql.single(write, "SELECT @@SESSION.max_allowed_packet"));
            ChunkCopier copier = new ChunkCopier(read, write, to, maxPacket, settings.chunkRows(), this::landed);
            while (failure.get() == null) {
                TableLoad load = queue.pollFirst();
                if (load == null) {
                    if (outstanding.get() == 0) {
                        return;
                    }
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                TableJob job = load.chunks().get(0).table();
                String table = job.name();
                try {
                    for (Chunk chunk : load.chunks()) {
                        long t0 = System.nanoTime();
                        long[] done = copier.copy(chunk);
                        LOG.debug("{}: chunk {} of {}: {} rows in {} ms", name, chunk, Sql.quote(table), done[0],
                                (System.nanoTime() - t0) / 1_000_000);
                        job.rows().addAndGet(done[0]);
                        job.bytes().addAndGet(done[1]);
                        largestRow.accumulateAndGet(copier.largestRow(), Math::max);
                        if (failure.get() != null) {
                            break;
                        }
                    }
                    if (failure.get() == null && !job.deferred().isEmpty()) {
                        long t0 = System.nanoTime();
                        Sql.execute(write, job.deferred().addStatement(table));
                        indexNanos.addAndGet(System.nanoTime() - t0);
                        LOG.debug("{}: secondary indexes of {} built in {} ms", name, Sql.quote(table),
                                (System.nanoTime() - t0) / 1_000_000);
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, Sql.failure("copy rows from " + from.where() + " (" + name + ")", to,
                            table, e));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    outstanding.decrementAndGet();
                }
            }
        } catch (SQLException e) {
            failure.compareAndSet(null, Sql.failure("prepare a copy connection (" + name + ")", to, null, e));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private synchronized void expect(long rows) {
        rowEstimate += rows;
    }

    private synchronized void landed(long rows, long bytes) {
        rowsDone += rows;
        bytesDone += bytes;
        progress.report(Counts.rows(rowsDone, bytesDone), Counts.rows(Math.max(rowEstimate, rowsDone), 0));
    }

    /**
     * One table's chunks, in key order, for one worker: rows then arrive in key order, appended to
     * the end of the clustered index, and the first load finds the table empty (InnoDB's bulk path).
     * Two workers loading ranges of one table at once split pages in the middle of the index instead,
     * and the target spent about a fifth more time on the same rows.
     */
    private record TableLoad(List<Chunk> chunks) {
    }

    private static void prepareSession(Connection write, SourceSnapshot snapshot) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, snapshot.sqlMode());
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
        write.setAutoCommit(true);
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
        Set<String> tables = new HashSet<>();
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
        return new TreeSet<>(tables);
    }
}
