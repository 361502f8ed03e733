package io.sitemove.bench.wordpress;

import io.sitemove.Secret;
import io.sitemove.bench.BenchContext;
import io.sitemove.bench.BenchOut;
import io.sitemove.bench.Suite;
import io.sitemove.bench.Timing;
import io.sitemove.bench.db.Quiesce;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.testkit.MariaDb;
import io.sitemove.wordpress.DatabaseReplace;
import io.sitemove.wordpress.ReplaceReport;
import io.sitemove.wordpress.SearchReplace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;

/**
 * The "wordpress" suite: the serialized-safe search and replace of a domain move over a generated
 * {@code wp_postmeta} of a million rows (100,000 with --quick; the mix is in {@link Postmeta}), on three identical
 * copies of the table on the new MariaDB server, where a migration runs it:
 *
 * <ol>
 * <li>sitemove: {@link DatabaseReplace} with a {@link SearchReplace} of the old domain by the new one, default
 *     settings;
 * <li>the method WP-CLI's {@code wp search-replace} uses (PHP unserialize, replace in every string, serialize,
 *     one UPDATE per changed row in autocommit), as a PHP script run with the machine's {@code php}
 *     ({@code wp-cli-method.php} among this package's resources says exactly what it does);
 * <li>a naive {@code UPDATE wp_postmeta SET meta_value = REPLACE(meta_value, old, new)}.
 * </ol>
 *
 * <p>Then, independently of the code under test: the first two copies must be equal (CHECKSUM TABLE, and no
 * value may still hold the old domain); and PHP's own {@code unserialize()} counts the values the naive replace
 * broke, among those the PHP method left serialized. Every timing starts after the server wrote back its dirty
 * pages. Prints {@code BENCH wordpress replace-1m sitemove=S wp-cli-method=S ratio=R}, the same against the SQL
 * replace, and {@code BENCH wordpress naive-replace broken=N of M serialized}.
 */
public final class WordPressSuite implements Suite {
    private static final String SUITE = "wordpress";
    private static final String SEED = "wpr_seed";
    private static final String SITEMOVE = "wpr_sitemove";
    private static final String WPCLI = "wpr_wpcli";
    private static final String NAIVE = "wpr_naive";
    private static final Duration PHP_LIMIT = Duration.ofHours(2);

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        MariaDb db = ctx.kit().newDb();
        BenchOut out = ctx.out();
        long rows = ctx.quick() ? 100_000 : 1_000_000;
        String kase = "replace-" + (rows >= 1_000_000 ? rows / 1_000_000 + "m" : rows / 1000 + "k");
        PhpScript method = PhpScript.extract("wp-cli-method.php", ctx.workDir());
        PhpScript judge = PhpScript.extract("unserialize-check.php", ctx.workDir());
        try (Connection c = db.connect("")) {
            double generated = Timing.seconds(() -> Postmeta.generate(c, SEED, rows));
            out.note(String.format(Locale.ROOT, "wordpress: generated %s (%d rows, %.0f MB) in %.1f s on the %s server;"
                    + " replacing %s by %s; php %s", Postmeta.TABLE, rows, Postmeta.megabytes(c, SEED), generated,
                    db.name(), Postmeta.OLD, Postmeta.NEW, PhpScript.version()));
            long holding = Postmeta.holding(c, SEED, Postmeta.OLD);

            Postmeta.copy(c, SEED, SITEMOVE);
            Quiesce.servers(db);
            ReplaceReport[] report = new ReplaceReport[1];
            double sitemove = Timing.seconds(() -> report[0] = replace(db));

            Postmeta.copy(c, SEED, WPCLI);
            Quiesce.servers(db);
            String[] printed = new String[1];
            double php = Timing.seconds(() -> printed[0] = method.run(db, PHP_LIMIT, WPCLI, Postmeta.TABLE,
                    Postmeta.OLD, Postmeta.NEW));

            Postmeta.copy(c, SEED, NAIVE);
            Quiesce.servers(db);
            long[] naiveRows = new long[1];
            double naive = Timing.seconds(() -> naiveRows[0] = naive(c));

            long changed = report[0].tables().stream().flatMap(t -> t.columns().stream())
                    .mapToLong(ReplaceReport.Column::valuesChanged).sum();
            out.note("wordpress: " + holding + " of " + rows + " values hold the old domain; sitemove changed " + changed
                    + " values (" + report[0].replacements() + " replacements, " + skipped(report[0])
                    + " skipped), the PHP method " + printed[0] + ", the SQL REPLACE matched " + naiveRows[0] + " rows");
            sameResult(c, rows, changed, PhpScript.figure(printed[0], "rows-changed"));
            out.compare(SUITE, kase, sitemove, "wp-cli-method", php);
            out.compare(SUITE, kase + "-vs-sql", sitemove, "sql-replace", naive);

            String verdict = judge.run(db, PHP_LIMIT, WPCLI, NAIVE, Postmeta.TABLE, "meta_id", "meta_value");
            long serialized = PhpScript.figure(verdict, "serialized");
            long broken = PhpScript.figure(verdict, "broken");
            if (broken == 0) {
                throw new IllegalStateException("the naive REPLACE broke no serialized value: the data lost its point");
            }
            out.figure(SUITE, "naive-replace", "broken", broken + " of " + serialized + " serialized");
            for (String d : new String[] {SITEMOVE, WPCLI, NAIVE, SEED}) {
                Postmeta.drop(c, d);
            }
        }
    }

    private static ReplaceReport replace(MariaDb db) {
        SearchReplace move = SearchReplace.builder().replace(Postmeta.OLD, Postmeta.NEW).build();
        DbEndpoint target = new DbEndpoint(db.host(), db.port(), SITEMOVE, db.user(), Secret.of(db.password()));
        return DatabaseReplace.builder(target, move).tablePrefix("wp_").build().run();
    }

    private static long naive(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + Postmeta.table(NAIVE) + " SET meta_value ="
                + " REPLACE(meta_value, ?, ?)")) {
            s.setString(1, Postmeta.OLD);
            s.setString(2, Postmeta.NEW);
            return s.executeUpdate();
        }
    }

    private static long skipped(ReplaceReport r) {
        return r.tables().stream().mapToLong(ReplaceReport.Table::skippedCount).sum();
    }

    /** Throws unless sitemove and the PHP method left the same table, with no old domain left in it. */
    private static void sameResult(Connection c, long rows, long sitemoveChanged, long phpChanged) throws Exception {
        long left = Postmeta.holding(c, SITEMOVE, Postmeta.OLD) + Postmeta.holding(c, WPCLI, Postmeta.OLD);
        if (left != 0) {
            throw new IllegalStateException(left + " values still hold " + Postmeta.OLD + " after the replace");
        }
        long differing = Postmeta.differing(c, SITEMOVE, WPCLI);
        if (differing != 0 || Postmeta.checksum(c, SITEMOVE) != Postmeta.checksum(c, WPCLI)) {
            throw new IllegalStateException(differing + " of " + rows + " rows differ between " + Sql.quote(SITEMOVE)
                    + " and " + Sql.quote(WPCLI) + ":" + Postmeta.firstDifferences(c, SITEMOVE, WPCLI));
        }
        long changed = Postmeta.differing(c, SEED, SITEMOVE);
        if (changed != sitemoveChanged || changed != phpChanged) {
            throw new IllegalStateException(changed + " rows differ from the seed, sitemove reports " + sitemoveChanged
                    + " changed values and the PHP method " + phpChanged);
        }
    }
}
