package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.Bounds;
import io.sitemove.MigrationException;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.SnapshotGroup;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The workers of one copy: one per snapshot connection, each with its own receiving connection, taking
 * one table at a time and loading its chunks in key order, then building the table's deferred secondary
 * indexes. Tables are handed to them while the calling thread still prepares the rest.
 */
final class CopyWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWorkers.class);

    /** Prepares tables on the calling thread while the workers copy what is ready. */
    @FunctionalInterface
    interface Preparation {
        /** Prepares the tables, handing {@code sink} the list of all chunks so far after each one. */
        void run(Consumer<List<Chunk>> sink);
    }

    /**
     * What the workers measured.
     *
     * @param indexMillis time spent building deferred secondary indexes
     * @param largestRow the largest row copied, in bytes
     * @param heapPeak the largest heap used while they ran, in bytes
     */
    record Figures(long indexMillis, long largestRow, long heapPeak) {
    }

    /**
     * One table's chunks, in key order, for one worker: rows then arrive in key order, appended to
     * the end of the clustered index, and the first load finds the table empty (InnoDB's bulk path).
     * Two workers loading ranges of one table at once split pages in the middle of the index instead,
     * and the target spent about a fifth more time on the same rows.
     */
    private record TableLoad(List<Chunk> chunks) {
    }

    private final CopyRequest request;
    private final SourceSnapshot snapshot;
    private final CopyProgress progress;
    private final ConcurrentLinkedDeque<TableLoad> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong indexNanos = new AtomicLong();
    private final AtomicLong largestRow = new AtomicLong();

    CopyWorkers(CopyRequest request, SourceSnapshot snapshot, CopyProgress progress) {
        this.request = request;
        this.snapshot = snapshot;
        this.progress = progress;
    }

    /**
     * Starts the workers, runs {@code preparation} on this thread, feeding the workers each table's
     * chunks as soon as the table is ready, and waits for the copy. The preparation reads through the
     * first snapshot connection, whose worker starts once the preparation is done.
     */
    Figures run(SnapshotGroup group, Preparation preparation) {
        List<Connection> readers = group.readers();
        ExecutorService pool = Executors.newFixedThreadPool(readers.size(), r -> {
            Thread t = new Thread(r, "sitemove-" + request.name() + "-copy");
            t.setDaemon(true);
            return t;
        });
        long heapPeak = 0;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (Connection read : readers.subList(1, readers.size())) {
                workers.add(pool.submit(() -> work(read)));
            }
            prepare(preparation);
            workers.add(pool.submit(() -> work(readers.get(0))));
            heapPeak = await(workers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, MigrationException.retryable("the copy (" + request.name() + ") to "
                    + request.to().where() + " was interrupted", e));
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r : MigrationException.permanent(
                    "a copy worker (" + request.name() + ") failed: " + e.getCause().getMessage(), e.getCause()));
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Figures(indexNanos.get() / 1_000_000, largestRow.get(), heapPeak);
    }

    private void prepare(Preparation preparation) {
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
    }

    /** Waits for the workers, sampling the heap meanwhile; returns its peak. */
    private static long await(List<Future<?>> workers) throws InterruptedException, ExecutionException {
        Runtime runtime = Runtime.getRuntime();
        long heapPeak = 0;
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
        return heapPeak;
    }

    private void work(Connection read) {
        try (Connection write = LoadConnections.open(request.to())) {
            prepareSession(write);
            long maxPacket = Long.parseLong(Sql.single(write, "SELECT @@SESSION.max_allowed_packet"));
            ChunkLoader loader = new ChunkLoader(read, write, request.to(), maxPacket, request.settings().chunkRows(),
                    progress);
            while (failure.get() == null) {
                TableLoad load = queue.pollFirst();
                if (load == null) {
                    if (outstanding.get() == 0) {
                        return;
                    }
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                load(loader, read, write, load);
            }
        } catch (SQLException e) {
            failure.compareAndSet(null, LostConnection.sqlFailure(request, request.to(), "prepare a copy connection",
                    "preparing a copy connection for", null, e));
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Loads one table's chunks, then builds its deferred indexes; a failure stops every worker. */
    private void load(ChunkLoader loader, Connection read, Connection write, TableLoad load) {
        TableJob job = load.chunks().get(0).table();
        String table = job.name();
        try {
            for (Chunk chunk : load.chunks()) {
                long t0 = System.nanoTime();
                ChunkLoader.Loaded done = loader.copy(chunk);
                LOG.debug("{}: chunk {} of {}: {} rows in {} ms", request.name(), chunk, Sql.quote(table), done.rows(),
                        (System.nanoTime() - t0) / 1_000_000);
                job.rows().addAndGet(done.rows());
                job.bytes().addAndGet(done.bytes());
                largestRow.accumulateAndGet(loader.largestRow(), Math::max);
                if (failure.get() != null) {
                    return;
                }
            }
            if (failure.get() == null && !job.deferred().isEmpty()) {
                long t0 = System.nanoTime();
                buildIndexes(write, table, job.deferred().addStatement(table));
                indexNanos.addAndGet(System.nanoTime() - t0);
                LOG.debug("{}: secondary indexes of {} built in {} ms", request.name(), Sql.quote(table),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (SQLException e) {
            failure.compareAndSet(null, failure(read, write, table, e));
        } catch (MigrationException e) {
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, failure(read, write, table, e));
        } finally {
            outstanding.decrementAndGet();
        }
    }

    /**
     * Runs the index build with the socket's idle bound raised to the syncer's index-build timeout, and
     * puts the endpoint's back after.
     */
    private void buildIndexes(Connection write, String table, String statement) throws SQLException {
        int before = write.getNetworkTimeout();
        Duration bound = request.settings().indexBuildTimeout();
        write.setNetworkTimeout(Runnable::run, (int) bound.toMillis());
        try {
            Sql.execute(write, statement);
        } catch (SQLException e) {
            if (timedOut(e)) {
                throw MigrationException.retryable("the target database " + request.to().where() + " sent nothing for "
                        + Bounds.describe(bound) + " while it built the secondary indexes of table " + Sql.quote(table)
                        + " (" + request.name() + "; the syncer's index-build timeout); the copy stopped there: raise"
                        + " indexBuildTimeout for tables this large, and a new FULL copy starts over", e);
            }
            throw e;
        }
        write.setNetworkTimeout(Runnable::run, before);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A failure loading {@code table}: a lost connection named by its side, else the SQL failure. */
    private RuntimeException failure(Connection read, Connection write, String table, Exception e) {
        if (!LostConnection.isLost(e, read, write)) {
            return e instanceof SQLException sql ? Sql.failure("copy rows from " + request.from().where() + " ("
                    + request.name() + ")", request.to(), table, sql) : (RuntimeException) e;
        }
        return LostConnection.gone(read) ? LostConnection.of(request.name(), request.from(), "source", "reading", table, e)
                : LostConnection.of(request.name(), request.to(), "target", "loading", table, e);
    }

    private void prepareSession(Connection write) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, snapshot.sqlMode());
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
        write.setAutoCommit(true);
    }
}
