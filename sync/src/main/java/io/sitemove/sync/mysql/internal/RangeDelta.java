package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.Sql;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunked checksum delta of the tables that have a primary key and the same definition on both
 * sides: each key range ({@link ChunkPlanner}'s, planned in the snapshot, open below and above) is
 * counted and hashed ({@link RangeSql}) on the snapshot and on the receiving database at once, and
 * a range that differs is replaced in one receiving transaction: its rows deleted, the snapshot's
 * rows of the range loaded ({@link ChunkCopier}), so updates, inserts and deletes all arrive and
 * ranges that match are not touched. The ranges are shared by the snapshot's connections, each with
 * its own receiving connection.
 *
 * <p>A range whose load meets a unique secondary key still held by a row of another range that is
 * not replaced yet (a value moved between ranges), or a lock another worker holds (a deadlock, a lock
 * wait timeout), is rolled back and, once the other ranges are done, replaced together with the
 * other such ranges of its table in one transaction.
 *
 * <p>A table of many ranges whose first ranges compared nearly all differ (changes spread over the whole
 * table) is given up: its remaining ranges are neither hashed nor replaced, and the caller recopies it
 * whole, which then costs less than comparing and replacing it range by range.
 */
final class RangeDelta {
    private static final Logger LOG = LoggerFactory.getLogger(RangeDelta.class);
    private static final long GROUP_CONCAT_MAX = 1L << 30;
    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    /** One table to compare: its job (key, columns, how rows load), its columns for the row image, its ranges. */
    record Table(TableJob job, List<ColumnInfo> columns, List<Chunk> ranges) {
        Table {
            columns = List.copyOf(columns);
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * What the delta found and did.
     *
     * @param tables tables compared
     * @param ranges ranges compared
     * @param differing ranges that differed and were replaced
     * @param rows rows loaded into the replaced ranges
     * @param bytes bytes of values loaded
     * @param deleted rows the receiving side held in the replaced ranges whose key the source no longer
     *     has (for a table compared as one range without an integer key: every row it held)
     * @param changed tables with at least one replaced range
     * @param together ranges replaced together with their table's others after a unique key or lock conflict
     * @param recopyWhole tables where nearly every range compared differed: cheaper to recopy whole than to
     *     compare and replace range by range, so their remaining ranges were left for that
     */
    record Outcome(int tables, long ranges, long differing, long rows, long bytes, long deleted, Set<String> changed,
            long together, Set<String> recopyWhole) {
    }

    /** Ranges of a table compared before judging whether nearly all differ. */
    private static final int SAMPLE = 4;
    /** A table with at least this many ranges may be given up to a whole recopy. */
    private static final int MIN_RANGES_TO_GIVE_UP = 8;
    /** The share of differing ranges, once {@link #SAMPLE} were compared, that gives a table up. */
    private static final double GIVE_UP_SHARE = 0.75;

    /** How a table's ranges compared so far. */
    private static final class Tally {
        final int ranges;
        final AtomicInteger compared = new AtomicInteger();
        final AtomicInteger differed = new AtomicInteger();
        volatile boolean givenUp;

        Tally(int ranges) {
            this.ranges = ranges;
        }

        /** Counts one comparison; true when the table is now given up to a whole recopy. */
        synchronized boolean count(boolean differs) {
            int n = compared.incrementAndGet();
            int d = differs ? differed.incrementAndGet() : differed.get();
            if (!givenUp && ranges >= MIN_RANGES_TO_GIVE_UP && n >= SAMPLE && d >= GIVE_UP_SHARE * n) {
                givenUp = true;
            }
            return givenUp;
        }
    }

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final String sqlMode;
    private final int pageRows;
    private final ChunkCopier.Progress landed;
    private final AtomicLong differing = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final Set<String> changed = new TreeSet<>();
    private final Map<String, List<Chunk>> deferred = new TreeMap<>();
    private final Map<TableJob, Tally> tallies = new IdentityHashMap<>();

    /**
     * A delta from {@code from} to {@code to}.
     *
     * @param sqlMode the snapshot's sql_mode, which the receiving sessions take
     * @param pageRows rows per keyset page when a range is loaded
     * @param landed told the rows and bytes of each loaded part, and (0, 0) when a table is done
     */
    RangeDelta(String name, DbEndpoint from, DbEndpoint to, String sqlMode, int pageRows, ChunkCopier.Progress landed) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.sqlMode = sqlMode;
        this.pageRows = pageRows;
        this.landed = landed;
    }

    /** Compares and repairs the tables on the snapshot's connections (the largest first is best). */
    Outcome run(List<Connection> snapshots, List<Table> tables) {
        List<Chunk> ranges = new ArrayList<>();
        Map<TableJob, Table> byJob = new IdentityHashMap<>();
        for (Table t : tables) {
            t.job().chunksLeft().set(t.ranges().size());
            byJob.put(t.job(), t);
            tallies.put(t.job(), new Tally(t.ranges().size()));
            ranges.addAll(t.ranges());
        }
        if (ranges.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0, 0, Set.of(), 0, Set.of());
        }
        ConcurrentLinkedQueue<Chunk> queue = new ConcurrentLinkedQueue<>(ranges);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int threads = Math.min(snapshots.size(), ranges.size());
        List<Parallel<Boolean>> running = new ArrayList<>();
        for (Connection read : snapshots.subList(0, threads)) {
            running.add(Parallel.start("sitemove-" + name + "-ranges",
                    () -> work(read, queue, byJob, failure)));
        }
        for (Parallel<Boolean> p : running) {
            try {
                p.join();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Set<String> whole = new TreeSet<>();
        tallies.forEach((job, tally) -> {
            if (tally.givenUp) {
                whole.add(job.name());
            }
        });
        synchronized (deferred) {
            deferred.keySet().removeAll(whole);
        }
        long together = replaceTogether(snapshots.get(0), byJob);
        long compared = tallies.values().stream().mapToLong(t -> t.compared.get()).sum();
        LOG.info("{}: checksum delta compared {} of {} ranges of {} tables from {} with {}; {} differed ({} rows loaded,"
                + " {} deleted){}", name, compared, ranges.size(), tables.size(), from.where(), to.where(),
                differing.get(), rows.get(), deleted.get(), whole.isEmpty() ? ""
                : "; nearly every range of " + whole + " differed, so they are recopied whole");
        return new Outcome(tables.size(), compared, differing.get(), rows.get(), bytes.get(), deleted.get(),
                Set.copyOf(changed), together, Set.copyOf(whole));
    }

    private boolean work(Connection read, ConcurrentLinkedQueue<Chunk> queue, Map<TableJob, Table> tables,
            AtomicReference<RuntimeException> failure) {
        String table = null;
        DbEndpoint at = to;
        try (Connection write = LoadConnections.open(to)) {
            prepare(write);
            at = from;
            Sql.execute(read, "SET SESSION group_concat_max_len = " + GROUP_CONCAT_MAX);
            at = to;
            ChunkCopier copier = copier(read, write);
            for (Chunk range = queue.poll(); range != null && failure.get() == null; range = queue.poll()) {
                table = range.table().name();
                Tally tally = tallies.get(range.table());
                if (!tally.givenUp) {
                    boolean differs = differs(read, write, tables.get(range.table()), range);
                    if (!tally.count(differs) && differs) {
                        replace(read, write, copier, range);
                    }
                }
                if (range.table().chunksLeft().decrementAndGet() == 0) {
                    landed.landed(0, 0);
                }
            }
            return true;
        } catch (SQLException e) {
            RuntimeException wrapped = Sql.failure("compare key ranges with " + from.where() + " (" + name + ")", at,
                    table, e);
            failure.compareAndSet(null, wrapped);
            throw wrapped;
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    private void prepare(Connection write) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, sqlMode);
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, time_zone = '+00:00', group_concat_max_len = "
                + GROUP_CONCAT_MAX);
        write.setAutoCommit(true);
    }

    private ChunkCopier copier(Connection read, Connection write) throws SQLException {
        long maxPacket = Long.parseLong(Sql.single(write, "SELECT @@SESSION.max_allowed_packet"));
        return new ChunkCopier(read, write, to, maxPacket, pageRows, landed);
    }

    /** Counts and hashes the range on both sides at once; true when they differ or a side could not be hashed whole. */
    private boolean differs(Connection read, Connection write, Table table, Chunk range) throws SQLException {
        String sql = RangeSql.hash(range, table.columns());
        Parallel<String[]> theirs = Parallel.start("sitemove-" + name + "-range-hash", () -> {
            try {
                return hash(write, sql, range);
            } catch (SQLException e) {
                throw Sql.failure("hash a key range (" + name + ")", to, range.table().name(), e);
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
            throw Sql.failure("hash a key range (" + name + ")", from, range.table().name(), e);
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

    private void replace(Connection read, Connection write, ChunkCopier copier, Chunk range) throws SQLException {
        write.setAutoCommit(false);
        try {
            long gone = gone(read, write, range);
            long removed = deleteRange(write, range);
            long[] done = copier.copy(range);
            write.commit();
            record(range, gone < 0 ? removed : gone, done);
        } catch (SQLException e) {
            write.rollback();
            if (!duplicateKey(e) && !lockConflict(e)) {
                throw e;
            }
            LOG.debug("{}: range [{}, {}) of {} met a unique key or a lock held for another range ({}); replaced with"
                    + " its table's others after the rest", name, range.from(), range.to(),
                    Sql.quote(range.table().name()), e.getMessage());
            synchronized (deferred) {
                deferred.computeIfAbsent(range.table().name(), k -> new ArrayList<>()).add(range);
            }
        } catch (RuntimeException e) {
            write.rollback();
            throw e;
        } finally {
            write.setAutoCommit(true);
        }
    }

    private long deleteRange(Connection write, Chunk range) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement(RangeSql.delete(range))) {
            RangeSql.bind(ps, range);
            return ps.executeLargeUpdate();
        }
    }

    private synchronized void record(Chunk range, long gone, long[] done) {
        differing.incrementAndGet();
        rows.addAndGet(done[0]);
        bytes.addAndGet(done[1]);
        deleted.addAndGet(gone);
        changed.add(range.table().name());
    }

    /** Replaces each table's ranges that met a unique key conflict, all of a table in one transaction. */
    private long replaceTogether(Connection read, Map<TableJob, Table> tables) {
        if (deferred.isEmpty()) {
            return 0;
        }
        String table = null;
        long together = 0;
        try (Connection write = LoadConnections.open(to)) {
            prepare(write);
            ChunkCopier copier = copier(read, write);
            write.setAutoCommit(false);
            for (Map.Entry<String, List<Chunk>> entry : deferred.entrySet()) {
                table = entry.getKey();
                List<Chunk> ranges = new ArrayList<>(entry.getValue());
                ranges.sort(Comparator.comparing(c -> c.from() == null ? Long.MIN_VALUE : c.from()));
                long[] gone = new long[ranges.size()];
                try {
                    for (int i = 0; i < ranges.size(); i++) {
                        gone[i] = gone(read, write, ranges.get(i));
                    }
                    for (int i = 0; i < ranges.size(); i++) {
                        long removed = deleteRange(write, ranges.get(i));
                        gone[i] = gone[i] < 0 ? removed : gone[i];
                    }
                    List<long[]> done = new ArrayList<>();
                    for (Chunk range : ranges) {
                        done.add(copier.copy(range));
                    }
                    write.commit();
                    for (int i = 0; i < ranges.size(); i++) {
                        record(ranges.get(i), gone[i], done.get(i));
                    }
                    together += ranges.size();
                } catch (SQLException e) {
                    write.rollback();
                    if (duplicateKey(e)) {
                        throw MigrationException.permanent("the checksum delta (" + name + ") could not replace"
                                + " the differing key ranges of " + Sql.quote(table) + " on " + to.where() + ": "
                                + e.getMessage() + "; the unique keys of the two sides disagree; run a FULL sync", e);
                    }
                    throw e;
                }
            }
            return together;
        } catch (SQLException e) {
            throw Sql.failure("replace key ranges (" + name + ")", to, table, e);
        }
    }

    /**
     * How many of the receiving side's rows in an integer key range have a key the source's range
     * lacks: both key lists streamed in order and merged; -1 for a table compared as one range by
     * another key, whose order only the servers know (every row it held then counts as deleted).
     */
    private static long gone(Connection read, Connection write, Chunk range) throws SQLException {
        if (range.table().split() != TableJob.Split.INTEGER_RANGES) {
            return -1;
        }
        String sql = RangeSql.keys(range);
        try (PreparedStatement source = streaming(read, sql, range);
             PreparedStatement target = streaming(write, sql, range);
             ResultSet mine = source.executeQuery();
             ResultSet theirs = target.executeQuery()) {
            long gone = 0;
            BigDecimal next = mine.next() ? mine.getBigDecimal(1) : null;
            while (theirs.next()) {
                BigDecimal key = theirs.getBigDecimal(1);
                while (next != null && next.compareTo(key) < 0) {
                    next = mine.next() ? mine.getBigDecimal(1) : null;
                }
                if (next == null || next.compareTo(key) != 0) {
                    gone++;
                }
            }
            return gone;
        }
    }

    private static PreparedStatement streaming(Connection c, String sql, Chunk range) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(Integer.MIN_VALUE);
            RangeSql.bind(ps, range);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Whether the failure is a deadlock or a lock wait timeout, which a range met while others were replaced. */
    static boolean lockConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException || t instanceof SQLException s
                    && (s.getErrorCode() == DEADLOCK || s.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a duplicate key (LOAD DATA LOCAL reports one as a warning, turned into this code). */
    static boolean duplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == DUPLICATE_KEY
                    || s.getNextException() != null && s.getNextException().getErrorCode() == DUPLICATE_KEY)) {
                return true;
            }
        }
        return false;
    }
}
