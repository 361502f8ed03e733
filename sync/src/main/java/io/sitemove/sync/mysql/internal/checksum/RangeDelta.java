package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import io.sitemove.sync.mysql.internal.copy.ChunkLoader;
import io.sitemove.sync.mysql.internal.copy.CopyRequest;
import io.sitemove.sync.mysql.internal.copy.LoadConnections;
import io.sitemove.sync.mysql.internal.copy.TableJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunked checksum delta of the tables that have a primary key and the same definition on both
 * sides: each key range (the copy's chunks, planned in the snapshot, open below and above) is counted and
 * hashed on the snapshot and on the receiving database at once ({@link RangeHash}), and a range that
 * differs is replaced ({@link RangeReplacer}), so ranges that match are not touched. The ranges are shared
 * by the snapshot's connections, each with its own receiving connection.
 *
 * <p>A table of many ranges whose first ranges compared nearly all differ ({@link RangeTally}) is given up:
 * its remaining ranges are neither hashed nor replaced, and the caller recopies it whole.
 */
final class RangeDelta {
    private static final Logger LOG = LoggerFactory.getLogger(RangeDelta.class);

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

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final RangeHash hashes;
    private final RangeReplacer replacer;
    private final Map<TableJob, RangeTally> tallies = new IdentityHashMap<>();
    private final Map<TableJob, Table> byJob = new IdentityHashMap<>();

    /**
     * A delta as the request copies.
     *
     * @param sqlMode the snapshot's sql_mode, which the receiving sessions take
     * @param landed told the rows and bytes of each loaded part, and (0, 0) when a table is done
     */
    RangeDelta(CopyRequest request, String sqlMode, ChunkLoader.Progress landed) {
        this.name = request.name();
        this.from = request.from();
        this.to = request.to();
        this.hashes = new RangeHash(name, from, to);
        this.replacer = new RangeReplacer(name, to, sqlMode, request.settings().chunkRows(), landed);
    }

    /** Compares and repairs the tables on the snapshot's connections (the largest first is best). */
    Outcome run(List<Connection> snapshots, List<Table> tables) {
        List<Chunk> ranges = new ArrayList<>();
        for (Table t : tables) {
            t.job().chunksLeft().set(t.ranges().size());
            byJob.put(t.job(), t);
            tallies.put(t.job(), new RangeTally(t.ranges().size()));
            ranges.addAll(t.ranges());
        }
        if (ranges.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0, 0, Set.of(), 0, Set.of());
        }
        compareAll(snapshots, ranges);
        Set<String> whole = new TreeSet<>();
        tallies.forEach((job, tally) -> {
            if (tally.givenUp()) {
                whole.add(job.name());
            }
        });
        replacer.forget(whole);
        long together = replacer.replaceTogether(snapshots.get(0));
        long compared = tallies.values().stream().mapToLong(RangeTally::compared).sum();
        LOG.info("{}: checksum delta compared {} of {} ranges of {} tables from {} with {}; {} differed ({} rows loaded,"
                + " {} deleted){}", name, compared, ranges.size(), tables.size(), from.where(), to.where(),
                replacer.differing(), replacer.rows(), replacer.deleted(), whole.isEmpty() ? ""
                : "; nearly every range of " + whole + " differed, so they are recopied whole");
        return new Outcome(tables.size(), compared, replacer.differing(), replacer.rows(), replacer.bytes(),
                replacer.deleted(), replacer.changed(), together, Set.copyOf(whole));
    }

    /** Shares the ranges among up to one thread per snapshot connection; the first failure stops them all. */
    private void compareAll(List<Connection> snapshots, List<Chunk> ranges) {
        ConcurrentLinkedQueue<Chunk> queue = new ConcurrentLinkedQueue<>(ranges);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int threads = Math.min(snapshots.size(), ranges.size());
        List<Parallel<Boolean>> running = new ArrayList<>();
        for (Connection read : snapshots.subList(0, threads)) {
            running.add(Parallel.start("sitemove-" + name + "-ranges", () -> work(read, queue, failure)));
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
    }

    private boolean work(Connection read, ConcurrentLinkedQueue<Chunk> queue, AtomicReference<RuntimeException> failure) {
        String table = null;
        DbEndpoint at = to;
        try (Connection write = LoadConnections.open(to)) {
            replacer.prepare(write);
            at = from;
            Sql.execute(read, "SET SESSION group_concat_max_len = " + RangeHash.GROUP_CONCAT_MAX);
            at = to;
            ChunkLoader loader = replacer.loader(read, write);
            for (Chunk range = queue.poll(); range != null && failure.get() == null; range = queue.poll()) {
                table = range.table().name();
                RangeTally tally = tallies.get(range.table());
                if (!tally.givenUp()) {
                    boolean differs = hashes.differs(read, write, byJob.get(range.table()).columns(), range);
                    if (!tally.count(differs) && differs) {
                        replacer.replace(read, write, loader, range);
                    }
                }
                if (range.table().chunksLeft().decrementAndGet() == 0) {
                    replacer.tableDone();
                }
            }
            return true;
        } catch (SQLException e) {
            RuntimeException failed = ChecksumFailures.of(name, "compare key ranges with " + from.where(),
                    "comparing key ranges of", at, at == from ? "source" : "target", table, e);
            failure.compareAndSet(null, failed);
            throw failed;
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }
}
