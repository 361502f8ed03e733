package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.sync.mysql.internal.SourceSnapshot;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the tables whose content differs between a consistent snapshot of the sending database and
 * the receiving database ({@code CHECKSUM TABLE} and row count on both sides). The tables are
 * shared by the snapshot's connections, each paired with its own connection to the receiving
 * database, so several tables and both servers are checked at once.
 */
final class ChecksumDiff {
    /** The tables that differ, and how many rows the receiving side held in them. */
    record Result(Set<String> differing, long targetRows) {
    }

    private final DbEndpoint from;
    private final DbEndpoint to;
    private final ConcurrentLinkedQueue<String> queue;
    private final Set<String> differing = Collections.synchronizedSet(new TreeSet<>());
    private final AtomicLong targetRows = new AtomicLong();

    private ChecksumDiff(DbEndpoint from, DbEndpoint to, List<String> tables) {
        this.from = from;
        this.to = to;
        this.queue = new ConcurrentLinkedQueue<>(tables);
    }

    /** Checks {@code tables} (the largest first is best) on up to one thread per snapshot connection. */
    static Result find(List<Connection> snapshots, DbEndpoint from, DbEndpoint to, List<String> tables) {
        ChecksumDiff diff = new ChecksumDiff(from, to, tables);
        int threads = Math.min(snapshots.size(), tables.size());
        List<Parallel<Boolean>> running = new ArrayList<>();
        for (Connection read : snapshots.subList(0, threads)) {
            running.add(Parallel.start("sitemove-checksum", () -> diff.check(read)));
        }
        RuntimeException failure = null;
        for (Parallel<Boolean> p : running) {
            try {
                p.join();
            } catch (RuntimeException e) {
                diff.queue.clear();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Result(new TreeSet<>(diff.differing), diff.targetRows.get());
    }

    private boolean check(Connection read) {
        String table = null;
        DbEndpoint at = to;
        try (Connection target = Sql.open(to, true)) {
            for (table = queue.poll(); table != null; table = queue.poll()) {
                at = from;
                String mine = SourceSnapshot.fingerprint(read, table);
                at = to;
                String theirs = SourceSnapshot.fingerprint(target, table);
                if (mine != null && mine.equals(theirs)) {
                    continue;
                }
                differing.add(table);
                targetRows.addAndGet(theirs != null ? Long.parseLong(theirs.substring(theirs.lastIndexOf('/') + 1))
                        : Long.parseLong(Sql.single(target, "SELECT COUNT(*) FROM " + Sql.quote(table))));
            }
            return true;
        } catch (SQLException e) {
            throw ChecksumFailures.of("checksum delta", "compare table checksums", "comparing the checksums of", at,
                    at == from ? "source" : "target", table, e);
        }
    }
}
