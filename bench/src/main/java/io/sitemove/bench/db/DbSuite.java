package io.sitemove.bench.db;

import io.sitemove.Secret;
import io.sitemove.bench.BenchContext;
import io.sitemove.bench.BenchOut;
import io.sitemove.bench.BenchSyncContext;
import io.sitemove.bench.Suite;
import io.sitemove.bench.Timing;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.sync.mysql.BulkLoad;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.DeltaMethod;
import io.sitemove.sync.mysql.MySqlCopyDetails;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.MariaDb;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The "db" suite: a generated WordPress-like database on the old MariaDB (about 1 GB; 100 MB with
 * --quick) copied by sitemove's FULL sync against {@code mysqldump | mysql} and
 * {@code mydumper}/{@code myloader} with the same thread count; then 1% of the rows of the big
 * tables changed and brought over by the binlog delta, the checksum delta and a full re-copy; the
 * binlog delta at two database sizes with the same changes; the heap during the full copy. The
 * initial copies are the median of three runs each, after one untimed copy that warms the JVM. Every
 * result is checked table by table (row count and CHECKSUM TABLE) against the source. Every timing
 * starts after both servers wrote back their dirty pages, so no run pays for the one before it.
 */
public final class DbSuite implements Suite {
    private static final String SUITE = "db";
    private static final int RUNS = 3;

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Files.createDirectories(ctx.workDir());
        MariaDb old = ctx.kit().oldDb();
        MariaDb fresh = ctx.kit().newDb();
        BenchOut out = ctx.out();
        double scale = ctx.quick() ? 0.1 : 1.0;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        double generated = Timing.seconds(() -> generate(old, "wp", scale, threads));
        out.note(String.format(Locale.ROOT, "db: generated wp (%.0f MB, %d rows) in %.1f s; %d threads on each side",
                megabytes(old, "wp"), rows(old, "wp"), generated, threads));

        reset(fresh, "wp_warm");
        double cold = Timing.seconds(() -> full(old, fresh, "wp", "wp_warm", threads));
        drop(fresh, "wp_warm");
        out.figure(SUITE, "first-copy-in-a-fresh-jvm", "seconds", String.format(Locale.ROOT, "%.3f", cold));
        out.note("db: that first copy warmed the JVM (class loading, JIT), as a panel's JVM is after its first"
                + " site; the copies below are timed warm, median of " + RUNS + ", sitemove, mysqldump and mydumper"
                + " taking turns in a rotated order");

        long[] heap = new long[2];
        SyncResult[] first = new SyncResult[1];
        Path dir = ctx.workDir().resolve("mydumper");
        DumpTools tools = new DumpTools(old, fresh);
        double[] parts = new double[2];
        List<Double> mine = new ArrayList<>();
        List<Double> dumps = new ArrayList<>();
        List<Double> mydumps = new ArrayList<>();
        List<Timing.Action> rounds = List.of(() -> {
            reset(fresh, "wp");
            Quiesce.servers(old, fresh);
            mine.add(Timing.seconds(() -> first[0] = withHeapPeak(heap, () -> full(old, fresh, "wp", "wp", threads))));
            check(old, "wp", fresh, "wp", "sitemove FULL");
        }, () -> {
            reset(fresh, "wp_dump");
            Quiesce.servers(old, fresh);
            dumps.add(Timing.seconds(() -> tools.mysqldump("wp", "wp_dump")));
            check(old, "wp", fresh, "wp_dump", "mysqldump | mysql");
            drop(fresh, "wp_dump");
        }, () -> {
            reset(fresh, "wp_my");
            deleteTree(dir);
            Quiesce.servers(old, fresh);
            mydumps.add(Timing.seconds(() -> {
                parts[0] = Timing.seconds(() -> tools.mydumper("wp", dir, threads));
                parts[1] = Timing.seconds(() -> tools.myloader(dir, "wp_my", threads));
            }));
            check(old, "wp", fresh, "wp_my", "mydumper/myloader");
            drop(fresh, "wp_my");
            deleteTree(dir);
        });
        for (int i = 0; i < RUNS; i++) {
            Timing.inTurns(i, rounds);
        }
        double sitemove = Timing.median(mine);
        double mysqldump = Timing.median(dumps);
        double mydumper = Timing.median(mydumps);
        MySqlCopyDetails full = first[0].details(MySqlCopyDetails.class).orElseThrow();
        out.note("db: sitemove FULL details " + full.direction() + ", " + full.tables().copied().size() + " of "
                + full.tables().inSource() + " tables, " + full.copy() + ", " + full.objects() + ", binlog at "
                + full.cursorAfter());
        out.compare(SUITE, "initial-mysqldump", sitemove, "mysqldump", mysqldump);
        out.note(String.format(Locale.ROOT, "db: mydumper %.1f s + myloader %.1f s (last run)", parts[0], parts[1]));
        out.compare(SUITE, "initial-mydumper", sitemove, "mydumper", mydumper);

        reset(fresh, "wp_opt");
        Quiesce.servers(old, fresh);
        double insert = Timing.seconds(() -> MySqlSyncer.builder().source(endpoint(old, "wp"))
                .target(endpoint(fresh, "wp_opt")).workers(threads).bulkLoad(BulkLoad.INSERT).lockSourceForFinal(false).build()
                .sync(BenchSyncContext.database(SyncMode.FULL, null)));
        check(old, "wp", fresh, "wp_opt", "sitemove FULL by INSERT");
        out.compare(SUITE, "option-bulkload-insert", sitemove, "insert", insert);
        reset(fresh, "wp_opt");
        Quiesce.servers(old, fresh);
        double during = Timing.seconds(() -> MySqlSyncer.builder().source(endpoint(old, "wp"))
                .target(endpoint(fresh, "wp_opt")).workers(threads).buildIndexesAfterLoad(false).lockSourceForFinal(false)
                .build()
                .sync(BenchSyncContext.database(SyncMode.FULL, null)));
        check(old, "wp", fresh, "wp_opt", "sitemove FULL with indexes during the load");
        out.compare(SUITE, "option-indexes-during-load", sitemove, "indexesDuring", during);
        drop(fresh, "wp_opt");

        out.figure(SUITE, "heap", "peakHeapMb", Long.toString(heap[0] / (1024 * 1024)));
        out.figure(SUITE, "heap", "heapPoolPeaksMb", Long.toString(heap[1] / (1024 * 1024)));
        out.figure(SUITE, "heap", "maxHeapMb", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));

        reset(fresh, "wp_sum");
        full(old, fresh, "wp", "wp_sum", threads);
        long changed;
        try (Connection c = old.connect("wp")) {
            changed = WordPressDatabase.change(c, t -> t.rows(scale) / 100);
        }
        out.note("db: changed " + changed + " rows (1% of each big table: updates, deletes, inserts)");
        String cursor = first[0].cursor();
        Quiesce.servers(old, fresh);
        double binlog = Timing.seconds(() -> delta(old, fresh, "wp", "wp", DeltaMethod.BINLOG, cursor));
        check(old, "wp", fresh, "wp", "binlog delta");
        Quiesce.servers(old, fresh);
        double checksum = Timing.seconds(() -> delta(old, fresh, "wp", "wp_sum", DeltaMethod.CHECKSUM, null));
        check(old, "wp", fresh, "wp_sum", "checksum delta");
        Quiesce.servers(old, fresh);
        SyncResult[] recopied = new SyncResult[1];
        double recopy = Timing.seconds(() -> recopied[0] = full(old, fresh, "wp", "wp", threads));
        check(old, "wp", fresh, "wp", "re-copy");
        out.compare(SUITE, "delta-1pct-binlog", binlog, "recopy", recopy);
        out.compare(SUITE, "delta-1pct-checksum", checksum, "recopy", recopy);
        out.compare(SUITE, "delta-1pct-recopy", recopy, "mysqldump", mysqldump);

        twoSizes(ctx, old, fresh, scale, threads, recopied[0].cursor());
        for (String db : new String[] {"wp_dump", "wp_my", "wp_sum"}) {
            drop(fresh, db);
        }
    }

    /**
     * The binlog delta of the same changes at two database sizes, four times apart; each delta
     * starts from a cursor taken after the other database was generated, so both read the same
     * amount of binlog besides their own changes.
     */
    private void twoSizes(BenchContext ctx, MariaDb old, MariaDb fresh, double scale, int threads, String mainCursor)
            throws Exception {
        boolean mainIsSmall = ctx.quick();
        String other = mainIsSmall ? "wp4x" : "wp_quarter";
        double otherScale = mainIsSmall ? scale * 4 : scale / 4;
        double smallScale = Math.min(scale, otherScale);
        generate(old, other, otherScale, threads);
        reset(fresh, other);
        String otherCursor = full(old, fresh, other, other, threads).cursor();
        String caughtUp = delta(old, fresh, "wp", "wp", DeltaMethod.BINLOG, mainCursor).cursor();
        for (String db : new String[] {"wp", other}) {
            long changed;
            try (Connection c = old.connect(db)) {
                changed = WordPressDatabase.change(c, t -> t.rows(smallScale) / 100);
            }
            String cursor = db.equals("wp") ? caughtUp : otherCursor;
            double seconds = Timing.seconds(() -> delta(old, fresh, db, db, DeltaMethod.BINLOG, cursor));
            check(old, db, fresh, db, "binlog delta " + db);
            String kase = "delta-binlog-" + ((db.equals("wp") == mainIsSmall) ? "1x" : "4x");
            ctx.out().figure(SUITE, kase, "seconds", String.format(Locale.ROOT, "%.3f", seconds));
            ctx.out().figure(SUITE, kase, "rowsChanged", Long.toString(changed));
            ctx.out().figure(SUITE, kase, "dbMb", String.format(Locale.ROOT, "%.0f", megabytes(old, db)));
        }
        drop(old, other);
        drop(fresh, other);
    }

    private static SyncResult full(MariaDb old, MariaDb fresh, String from, String to, int threads) {
        return MySqlSyncer.builder().source(endpoint(old, from)).target(endpoint(fresh, to)).workers(threads)
                .replaceExisting(true).lockSourceForFinal(false).build()
                .sync(BenchSyncContext.database(SyncMode.FULL, null));
    }

    private static SyncResult delta(MariaDb old, MariaDb fresh, String from, String to, DeltaMethod method,
            String cursor) {
        return MySqlSyncer.builder().source(endpoint(old, from)).target(endpoint(fresh, to)).deltaMethod(method)
                .lockSourceForFinal(false).build().sync(BenchSyncContext.database(SyncMode.DELTA, cursor));
    }

    private static DbEndpoint endpoint(MariaDb db, String database) {
        return new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of(db.password()));
    }

    private static void generate(MariaDb db, String name, double scale, int threads) throws Exception {
        try (Connection admin = db.connect("")) {
            WordPressDatabase.generate(admin, () -> {
                try {
                    return db.connect(name);
                } catch (SQLException e) {
                    throw new IllegalStateException("connect to " + db.name() + "/" + name, e);
                }
            }, name, scale, threads);
        }
    }

    private static void check(MariaDb left, String leftDb, MariaDb right, String rightDb, String what)
            throws SQLException {
        try (Connection l = left.connect(""); Connection r = right.connect("")) {
            TableCheck.assertSame(l, leftDb, r, rightDb, what);
        }
    }

    private static SyncResult withHeapPeak(long[] heap, java.util.concurrent.Callable<SyncResult> copy)
            throws Exception {
        System.gc();
        Stream<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP);
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        SyncResult result = copy.call();
        heap[0] = result.details(MySqlCopyDetails.class).map(d -> d.copy().heapPeakMb()).orElse(0L) * 1024 * 1024;
        heap[1] = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return result;
    }

    private static void reset(MariaDb db, String name) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + TableCheck.quote(name));
            s.execute("CREATE DATABASE " + TableCheck.quote(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static void drop(MariaDb db, String name) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + TableCheck.quote(name));
        }
    }

    private static double megabytes(MariaDb db, String name) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) / 1048576 FROM information_schema.TABLES"
                     + " WHERE TABLE_SCHEMA = '" + name.replace("'", "''") + "'")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long rows(MariaDb db, String name) throws SQLException {
        long rows = 0;
        try (Connection c = db.connect(name); Statement s = c.createStatement()) {
            for (String t : TableCheck.tables(c, name)) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TableCheck.quote(t))) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
