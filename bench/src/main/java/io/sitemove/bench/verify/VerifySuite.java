package io.sitemove.bench.verify;

import io.sitemove.Secret;
import io.sitemove.bench.BenchContext;
import io.sitemove.bench.BenchOut;
import io.sitemove.bench.BenchSyncContext;
import io.sitemove.bench.Suite;
import io.sitemove.bench.Timing;
import io.sitemove.bench.db.BenchDatabase;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.DeltaMethod;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.MariaDb;
import io.sitemove.verify.DatabaseVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verify suite. The database check: {@link DatabaseVerifier} in full on the bench's WordPress-like
 * database copied by a real sync, against {@code CHECKSUM TABLE} of every table run on both servers at
 * once (which says whether a table differs, not where); both must find the copy equal. Fast mode: after
 * binlog deltas of 0.1% and of 1% of the big tables' rows, the cutover's fast check against the full one,
 * so its time shows it grows with the changes, not with the database.
 */
public final class VerifySuite implements Suite {
    private static final String SUITE = "verify";
    private static final int RUNS = 3;

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        database(ctx);
        PageCheckBench.run(ctx);
    }

    private void database(BenchContext ctx) throws Exception {
        MariaDb old = ctx.kit().oldDb();
        MariaDb fresh = ctx.kit().newDb();
        BenchOut out = ctx.out();
        double scale = ctx.quick() ? 0.1 : 1.0;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long rows = BenchDatabase.generate(old, "wpv", scale, threads);
        MySqlSyncer syncer = MySqlSyncer.builder().name("db").source(endpoint(old, "wpv")).target(endpoint(fresh, "wpv"))
                .workers(threads).replaceExisting(true).deltaMethod(DeltaMethod.BINLOG).lockSourceForFinal(false).build();
        List<EntryData.Synced> syncs = new ArrayList<>();
        sync(syncer, SyncMode.FULL, syncs);
        out.note("verify: wpv generated (" + rows + " rows) and copied by a FULL sync; " + threads
                + " tables at once per side");

        DatabaseVerifier full = DatabaseVerifier.builder().against(syncer).parallelism(threads)
                .mode(DatabaseVerifier.Mode.FULL).build();
        BenchVerifyContext functional = new BenchVerifyContext(VerifyStage.FUNCTIONAL, syncs);
        expectPassed(full.verify(functional), "warm-up");
        List<Double> mine = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Timing.Action> rounds = List.of(
                () -> mine.add(Timing.seconds(() -> expectPassed(full.verify(functional), "full check"))),
                () -> theirs.add(Timing.seconds(() -> checksumsAgree(old, fresh, "wpv"))));
        for (int i = 0; i < RUNS; i++) {
            Timing.inTurns(i, rounds);
        }
        out.compare(SUITE, "database-check", Timing.median(mine), "checksum-table", Timing.median(theirs));

        fast(ctx, syncer, syncs, scale, 0.001, "fast-after-0.1pct");
        fast(ctx, syncer, syncs, scale, 0.01, "fast-after-1pct");
    }

    private void fast(BenchContext ctx, MySqlSyncer syncer, List<EntryData.Synced> syncs, double scale, double share,
            String kase) throws Exception {
        long changed = BenchDatabase.change(ctx.kit().oldDb(), "wpv", scale, share);
        SyncResult delta = sync(syncer, SyncMode.DELTA, syncs);
        BenchVerifyContext cutover = new BenchVerifyContext(VerifyStage.CUTOVER, syncs);
        DatabaseVerifier fast = DatabaseVerifier.builder().against(syncer).build();
        DatabaseVerifier full = DatabaseVerifier.builder().against(syncer).mode(DatabaseVerifier.Mode.FULL).build();
        Verification[] last = new Verification[1];
        List<Double> fastTimes = new ArrayList<>();
        List<Double> fullTimes = new ArrayList<>();
        List<Timing.Action> rounds = List.of(
                () -> fastTimes.add(Timing.seconds(() -> last[0] = expectPassed(fast.verify(cutover), kase))),
                () -> fullTimes.add(Timing.seconds(() -> expectPassed(full.verify(cutover), kase + " full"))));
        for (int i = 0; i < RUNS; i++) {
            Timing.inTurns(i, rounds);
        }
        ctx.out().note("verify: " + kase + ": " + changed + " rows changed, delta " + delta.moved().rows() + " rows and "
                + delta.deleted() + " deleted; " + last[0].summary());
        ctx.out().compare(SUITE, kase, Timing.median(fastTimes), "full", Timing.median(fullTimes));
        ctx.out().figure(SUITE, kase, "rows-changed", Long.toString(changed));
    }

    private static SyncResult sync(MySqlSyncer syncer, SyncMode mode, List<EntryData.Synced> syncs) {
        String cursor = syncs.isEmpty() ? null : syncs.get(syncs.size() - 1).result().cursor();
        Instant started = Instant.now();
        SyncResult result = syncer.sync(BenchSyncContext.database(mode, cursor));
        syncs.add(new EntryData.Synced(syncer.name(), mode, Direction.FORWARD, started, result));
        return result;
    }

    private static Verification expectPassed(Verification v, String what) {
        if (!v.passed()) {
            throw new IllegalStateException(what + ": the copy should be equal: " + v.summary() + " "
                    + v.findings().stream().limit(5).map(f -> f.toText()).toList());
        }
        return v;
    }

    /** CHECKSUM TABLE of every table on both servers at once; throws unless they agree. */
    private static void checksumsAgree(MariaDb old, MariaDb fresh, String database) {
        Parallel.Both<Map<String, String>> sums = Parallel.onBoth("checksum tables", () -> checksums(old, database),
                () -> checksums(fresh, database));
        if (!sums.source().equals(sums.target())) {
            throw new IllegalStateException("CHECKSUM TABLE differs: " + sums.source() + " vs " + sums.target());
        }
    }

    private static Map<String, String> checksums(MariaDb db, String database) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect(database)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add("`" + rs.getString(1).replace("`", "``") + "`");
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CHECKSUM TABLE "
                    + String.join(", ", tables))) {
                while (rs.next()) {
                    out.put(rs.getString(1).substring(rs.getString(1).indexOf('.') + 1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKSUM TABLE on " + db.name() + ": " + e.getMessage(), e);
        }
    }

    private static DbEndpoint endpoint(MariaDb db, String database) {
        return new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of(db.password()));
    }
}
