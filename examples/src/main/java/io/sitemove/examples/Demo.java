package io.sitemove.examples;

import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationReport;
import io.sitemove.Secret;
import io.sitemove.wordpress.WordPressMaintenance;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.SampleSite;
import io.sitemove.testkit.JulToSlf4j;
import io.sitemove.testkit.Testkit;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Migrates a sample WordPress-like site end to end on loopback: real OpenSSH, MariaDB and BIND
 * servers from the testkit, all eight phases, two incremental syncs after changes on the source, the
 * cutover and a report; then checks the result independently of sitemove.
 */
public final class Demo {
    static final String DATABASE = "shop";
    static final String SITE_NAME = "site.example.test.";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        Path work = Path.of(args.length > 0 ? args[0] : "examples/target/demo-" + Instant.now().toEpochMilli());
        try (Testkit kit = startServers(work)) {
            SiteSettings settings = prepare(kit);
            System.out.println("Servers: old " + kit.oldSsh().host() + ", new " + kit.newSsh().host() + ", DNS "
                    + kit.dns().host() + ":" + kit.dns().port() + "; DNS for " + SITE_NAME + " answers "
                    + IndependentCheck.digA(kit.dns().host(), kit.dns().port(), SITE_NAME));
            MigrationPlan plan = MigrateOneSite.plan(settings, work.resolve("journal"), new ConsoleListener(System.out));
            AtomicLong seed = new AtomicLong(100);
            MigrationReport report = MigrateOneSite.migrate(Migration.open(plan), 2, () -> changeSource(kit, seed.incrementAndGet()));
            System.out.println();
            System.out.print(report.render());
            System.out.println();
            boolean ok = check(kit);
            System.exit(ok ? 0 : 1);
        }
    }

    /** The servers, with the site's DNS records on a short TTL so the demo's cutover need not wait long. */
    static Testkit startServers(Path work) {
        return Testkit.builder(work).ssh().mariaDb().dns()
                .dnsRecords("site 4 IN A 127.0.0.2\nwww.site 4 IN A 127.0.0.2\n")
                .start();
    }

    /** Writes the sample site on the old server and returns the settings a panel would have for it. */
    static SiteSettings prepare(Testkit kit) throws SQLException {
        SampleSite.Stats files = SampleSite.writeFiles(kit.oldSsh().root(), 300, 42);
        kit.oldDb().createDatabase(DATABASE);
        try (Connection c = kit.oldDb().connect(DATABASE)) {
            SampleSite.loadDatabase(c, 3000, 42);
        }
        SampleSite.writeConfig(kit.oldSsh().root(), kit.oldDb(), DATABASE);
        try (Connection c = kit.oldDb().connect(DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS 'wp'@'%' IDENTIFIED BY '" + UUID.randomUUID() + "'");
            s.execute("GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO 'wp'@'%'");
        }
        System.out.println("Sample site: " + files.files() + " files, " + files.bytes() + " bytes; database '" + DATABASE
                + "' with 3000 rows");
        return settings(kit);
    }

    /** The settings for the testkit's servers. */
    public static SiteSettings settings(Testkit kit) {
        MariaDb oldDb = kit.oldDb();
        return new SiteSettings("demo-site", kit.oldSsh().host(), kit.oldSsh().port(), kit.newSsh().host(),
                kit.newSsh().port(), kit.oldSsh().user(), kit.clientKey(), kit.knownHosts(),
                kit.oldSsh().root().toString(), kit.newSsh().root().toString(), oldDb.port(), kit.newDb().port(), DATABASE,
                oldDb.user(), Secret.of(oldDb.password()), kit.newDb().user(), Secret.of(kit.newDb().password()), kit.dns().host(), kit.dns().port(), kit.dns().zone(),
                kit.dns().tsigKeyName(), kit.dns().tsigAlgorithm(), Secret.of(kit.dns().tsigSecret()), "wp@%", SITE_NAME, 4);
    }

    /** Visitors at work: files edited, added and deleted; rows inserted, updated and deleted. */
    static void changeSource(Testkit kit, long seed) {
        try (Connection c = kit.oldDb().connect(DATABASE)) {
            SampleSite.mutate(kit.oldSsh().root(), c, seed);
        } catch (SQLException e) {
            throw new IllegalStateException("changing the sample site failed", e);
        }
    }

    /** Compares both sides without sitemove: tree hashes, table checksums, the DNS answer. */
    public static boolean check(Testkit kit) throws IOException, SQLException, InterruptedException {
        Set<String> excluded = Set.of(WordPressMaintenance.MARKER);
        Map<String, String> oldTree = IndependentCheck.tree(kit.oldSsh().root(), excluded);
        Map<String, String> newTree = IndependentCheck.tree(kit.newSsh().root(), excluded);
        List<String> fileDiffs = IndependentCheck.diff(oldTree, newTree, 20);
        Map<String, String> oldTables;
        Map<String, String> newTables;
        try (Connection a = kit.oldDb().connect(DATABASE); Connection b = kit.newDb().connect(DATABASE)) {
            oldTables = IndependentCheck.tables(a);
            newTables = IndependentCheck.tables(b);
        }
        List<String> tableDiffs = IndependentCheck.diff(oldTables, newTables, 20);
        String answer = IndependentCheck.digA(kit.dns().host(), kit.dns().port(), SITE_NAME);
        boolean dnsMoved = answer.equals(kit.newSsh().host());

        System.out.println("Independent check (no sitemove code):");
        System.out.printf("  files:    %d entries on each side, %s%n", oldTree.size(),
                fileDiffs.isEmpty() && !oldTree.isEmpty() ? "IDENTICAL (type, mode, size, mtime, link, SHA-256)" : "DIFFERENT " + fileDiffs);
        System.out.printf("  database: %d tables, %s%n", oldTables.size(),
                tableDiffs.isEmpty() && !oldTables.isEmpty() ? "IDENTICAL (CHECKSUM TABLE, row counts, ordered row hash)"
                        : "DIFFERENT " + tableDiffs);
        oldTables.forEach((t, v) -> System.out.println("      " + t + ": " + v));
        System.out.printf("  DNS:      dig @%s -p %d %s A -> %s (%s)%n", kit.dns().host(), kit.dns().port(), SITE_NAME, answer,
                dnsMoved ? "moved to the new server" : "NOT MOVED");
        boolean ok = fileDiffs.isEmpty() && tableDiffs.isEmpty() && dnsMoved && !oldTree.isEmpty() && !oldTables.isEmpty();
        System.out.println(ok ? "DEMO OK" : "DEMO FAILED");
        return ok;
    }

}
