package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import io.sitemove.sync.mysql.internal.copy.ChunkLoader;
import io.sitemove.sync.mysql.internal.copy.LoadConnections;
import io.sitemove.sync.mysql.internal.copy.TableJob;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a differing key range on the receiving side in one transaction: its rows deleted, the
 * snapshot's rows of the range loaded ({@link ChunkLoader}), so updates, inserts and deletes all arrive. A
 * range whose load meets a unique secondary key still held by a row of another range not replaced yet (a
 * value moved between ranges), or a lock another worker holds (a deadlock, a lock wait timeout), is rolled
 * back and kept for {@link #replaceTogether}: once the other ranges are done, it is replaced with the other
 * such ranges of its table in one transaction, on one connection, which is how such a move can land at all.
 * Adds up what the replacements did.
 */
final class RangeReplacer {
    private static final Logger LOG = LoggerFactory.getLogger(RangeReplacer.class);
    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final String name;
    private final DbEndpoint to;
    private final String sqlMode;
    private final int pageRows;
    private final ChunkLoader.Progress landed;
    private final AtomicLong differing = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final Set<String> changed = new TreeSet<>();
    private final Map<String, List<Chunk>> deferred = new TreeMap<>();

    /**
     * @param sqlMode the snapshot's sql_mode, which the receiving sessions take
     * @param pageRows rows per keyset page when a range is loaded
     * @param landed told the rows and bytes of each loaded part
     */
    RangeReplacer(String name, DbEndpoint to, String sqlMode, int pageRows, ChunkLoader.Progress landed) {
        this.name = name;
        this.to = to;
        this.sqlMode = sqlMode;
        this.pageRows = pageRows;
        this.landed = landed;
    }

    /** Sets a receiving session as the snapshot's: its sql_mode, UTC, no foreign-key checks, autocommit. */
    void prepare(Connection write) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, sqlMode);
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, time_zone = '+00:00', group_concat_max_len = "
                + RangeHash.GROUP_CONCAT_MAX);
        write.setAutoCommit(true);
    }

    /** A loader from the snapshot connection into the receiving one. */
    ChunkLoader loader(Connection read, Connection write) throws SQLException {
        long maxPacket = Long.parseLong(Sql.single(write, "SELECT @@SESSION.max_allowed_packet"));
        return new ChunkLoader(read, write, to, maxPacket, pageRows, landed);
    }

    /** Replaces the range in one transaction, or keeps it for {@link #replaceTogether} after a conflict. */
    void replace(Connection read, Connection write, ChunkLoader loader, Chunk range) throws SQLException {
        write.setAutoCommit(false);
        try {
            long gone = gone(read, write, range);
            long removed = deleteRange(write, range);
            ChunkLoader.Loaded done = loader.copy(range);
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

    /** Tells the progress that a table's ranges are all done. */
    void tableDone() {
        landed.landed(0, 0);
    }

    /** Forgets the ranges kept of tables that are to be recopied whole anyway. */
    void forget(Set<String> tables) {
        synchronized (deferred) {
            deferred.keySet().removeAll(tables);
        }
    }

    /** Replaces each table's kept ranges, all of a table in one transaction; returns how many. */
    long replaceTogether(Connection read) {
        if (deferred.isEmpty()) {
            return 0;
        }
        String table = null;
        long together = 0;
        try (Connection write = LoadConnections.open(to)) {
            prepare(write);
            ChunkLoader loader = loader(read, write);
            write.setAutoCommit(false);
            for (Map.Entry<String, List<Chunk>> entry : deferred.entrySet()) {
                table = entry.getKey();
                together += replaceTable(read, write, loader, entry.getValue());
            }
            return together;
        } catch (SQLException e) {
            throw ChecksumFailures.of(name, "replace key ranges", "replacing key ranges of", to, "target", table, e);
        }
    }

    private long replaceTable(Connection read, Connection write, ChunkLoader loader, List<Chunk> kept)
            throws SQLException {
        List<Chunk> ranges = new ArrayList<>(kept);
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
            List<ChunkLoader.Loaded> done = new ArrayList<>();
            for (Chunk range : ranges) {
                done.add(loader.copy(range));
            }
            write.commit();
            for (int i = 0; i < ranges.size(); i++) {
                record(ranges.get(i), gone[i], done.get(i));
            }
            return ranges.size();
        } catch (SQLException e) {
            write.rollback();
            if (duplicateKey(e)) {
                throw MigrationException.permanent("the checksum delta (" + name + ") could not replace the differing"
                        + " key ranges of " + Sql.quote(ranges.get(0).table().name()) + " on " + to.where() + ": "
                        + e.getMessage() + "; the unique keys of the two sides disagree; run a FULL sync", e);
            }
            throw e;
        }
    }

    private static long deleteRange(Connection write, Chunk range) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement(RangeSql.delete(range))) {
            RangeSql.bind(ps, range);
            return ps.executeLargeUpdate();
        }
    }

    private synchronized void record(Chunk range, long gone, ChunkLoader.Loaded done) {
        differing.incrementAndGet();
        rows.addAndGet(done.rows());
        bytes.addAndGet(done.bytes());
        deleted.addAndGet(gone);
        changed.add(range.table().name());
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

    /** Ranges that differed and were replaced. */
    long differing() {
        return differing.get();
    }

    /** Rows loaded into them. */
    long rows() {
        return rows.get();
    }

    /** Bytes of values loaded into them. */
    long bytes() {
        return bytes.get();
    }

    /** Rows the receiving side held in them whose key the source no longer has. */
    long deleted() {
        return deleted.get();
    }

    /** Tables with at least one replaced range. */
    synchronized Set<String> changed() {
        return Set.copyOf(changed);
    }
}
