package io.sitemove.examples;

import io.sitemove.Gate;
import io.sitemove.Migration;
import io.sitemove.DnsCutover;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationReport;
import io.sitemove.Phase;
import io.sitemove.RetryPolicy;
import io.sitemove.Server;
import io.sitemove.Watch;
import io.sitemove.SyncRound;
import io.sitemove.dns.Rfc2136Switcher;
import io.sitemove.event.MigrationListener;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.DnsRecord;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.wordpress.WordPressMaintenance;
import io.sitemove.verify.DatabaseVerifier;
import io.sitemove.verify.TreeHashVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Migrates one WordPress site (files, database, DNS) through all eight phases: the program a panel
 * developer copies. Run it with a properties file of {@link SiteSettings} and a journal directory;
 * run it again after a crash and it continues where it stopped.
 *
 * <pre>
 * java io.sitemove.examples.MigrateOneSite shop.properties /var/lib/panel/journal
 * </pre>
 */
public final class MigrateOneSite {
    private MigrateOneSite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MigrateOneSite SETTINGS.properties JOURNAL_DIR");
            System.exit(2);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            p.load(in);
        }
        MigrationPlan plan = plan(SiteSettings.fromProperties(p), Path.of(args[1]), new ConsoleListener(System.out));
        MigrationReport report = migrate(Migration.open(plan), 2, () -> { });
        System.out.print(report.render());
    }

    /** The plan: what to copy, how to check it, how to make the old site read-only and how to move DNS. */
    public static MigrationPlan plan(SiteSettings s, Path journalDir, MigrationListener listener) {
        Server oldServer = Server.builder("old").host(s.oldHost()).port(s.oldSshPort()).user(s.sshUser())
                .identity(s.sshKey()).knownHosts(s.knownHosts()).build();
        Server newServer = Server.builder("new").host(s.newHost()).port(s.newSshPort()).user(s.sshUser())
                .identity(s.sshKey()).knownHosts(s.knownHosts()).build();
        DbEndpoint oldDb = new DbEndpoint(s.oldHost(), s.oldDbPort(), s.database(), s.oldDbUser(), s.oldDbPassword());
        DbEndpoint newDb = new DbEndpoint(s.newHost(), s.newDbPort(), s.database(), s.newDbUser(), s.newDbPassword());
        MySqlSyncer database = databaseSyncer(s, oldDb, newDb);

        FileSyncer files = FileSyncer.builder().sourceRoot(s.oldDocroot()).targetRoot(s.newDocroot())
                .exclude(WordPressMaintenance.MARKER).build();
        return MigrationPlan.builder(s.site())
                .source(oldServer)
                .target(newServer)
                .syncer(files)
                .syncer(database)
                .verifier(TreeHashVerifier.of(files))
                .verifier(DatabaseVerifier.builder().against(database).build())
                .dns(DnsCutover.builder(Rfc2136Switcher.builder().zone(s.zone()).server(s.dnsServer(), s.dnsPort())
                                .tsig(s.tsigKeyName(), s.tsigAlgorithm(), s.tsigSecret())
                                .authoritativeServers(List.of(new InetSocketAddress(s.dnsServer(), s.dnsPort())))
                                .build())
                        .names(s.siteName())
                        .record(DnsRecord.a(s.siteName(), s.dnsTtl(), s.newHost()))
                        .record(DnsRecord.a("www." + s.siteName(), s.dnsTtl(), s.newHost()))
                        .lowerTtlTo(Duration.ofSeconds(2))
                        .propagationTimeout(Duration.ofSeconds(30))
                        .build())
                .maintenance(new WordPressMaintenance(s.oldDocroot(), s.newDocroot()))
                .journal(new DirectoryJournal(journalDir))
                .retry(RetryPolicy.builder().maxAttempts(3).initialWait(Duration.ofMillis(500)).build())
                .watch(Watch.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .listener(listener)
                .build();
    }

    private static MySqlSyncer databaseSyncer(SiteSettings s, DbEndpoint oldDb, DbEndpoint newDb) {
        MySqlSyncer.Builder db = MySqlSyncer.builder().source(oldDb).target(newDb);
        if (s.appDbUser().isEmpty()) {
            db.lockSourceForFinal(false);
        } else {
            db.applicationUser(s.appDbUser());
        }
        return db.build();
    }

    /**
     * Runs the migration to its end: approvals are given in code here, where a panel would ask its
     * customer and operator; {@code beforeEachDelta} stands for the site's visitors changing things.
     */
    public static MigrationReport migrate(Migration m, int deltas, Runnable beforeEachDelta) {
        throughMoratorium(m, deltas, beforeEachDelta);
        waitUntil(m.status().cutoverNotBefore().orElse(Instant.now()));
        beforeEachDelta.run();
        m.cutover();
        m.runTo(Phase.POST_MIGRATION);
        return m.report();
    }

    /**
     * Runs to the end of the moratorium: both gates approved in code, {@code deltas} incremental syncs
     * (counting those already done), each after {@code beforeEachDelta}, and the TTL lowered.
     */
    public static void throughMoratorium(Migration m, int deltas, Runnable beforeEachDelta) {
        m.runTo(Phase.FUNCTIONAL_TESTING);
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        for (int i = m.status().incrementalSyncs(); i < deltas; i++) {
            beforeEachDelta.run();
            SyncRound round = m.incrementalSync();
            System.out.printf("incremental sync %d took %d ms; final sync estimated at %s%n", round.round(),
                    round.duration().toMillis(), round.estimatedFinalSync().map(d -> d.toMillis() + " ms").orElse("?"));
        }
        m.runTo(Phase.MORATORIUM);
    }

    private static void waitUntil(Instant when) {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            System.out.printf("waiting %d ms for the old DNS TTL to expire before the cutover%n", ms);
            try {
                Thread.sleep(ms + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cutover", e);
            }
        }
    }
}
