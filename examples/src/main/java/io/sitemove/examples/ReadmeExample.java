package io.sitemove.examples;

import io.sitemove.DnsCutover;
import io.sitemove.Gate;
import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.Secret;
import io.sitemove.Server;
import io.sitemove.dns.Rfc2136Switcher;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.DnsRecord;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.verify.DatabaseVerifier;
import io.sitemove.verify.TreeHashVerifier;
import io.sitemove.wordpress.WordPressMaintenance;
import java.nio.file.Path;

/**
 * The README's example, whole: the same lines (between the markers), with their declarations, compiled
 * with the project and compared with the README by {@code ReadmeExampleTest}, so the two cannot drift.
 */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    /** Migrates one site with the settings a panel would read from its own configuration. */
    public static void migrate(Path key, Path knownHosts, String oldDbPassword, String newDbPassword, String tsigSecret) {
        // README example begins
        Server oldServer = Server.builder("old").host("203.0.113.10").user("site")
                .identity(key).knownHosts(knownHosts).build();
        Server newServer = Server.builder("new").host("198.51.100.20").user("site")
                .identity(key).knownHosts(knownHosts).build();
        DbEndpoint oldDb = new DbEndpoint("203.0.113.10", 3306, "shop", "migrator", Secret.of(oldDbPassword));
        DbEndpoint newDb = new DbEndpoint("198.51.100.20", 3306, "shop", "migrator", Secret.of(newDbPassword));

        FileSyncer files = FileSyncer.builder().sourceRoot("/var/www/shop").targetRoot("/srv/shop")
            .preset(Preset.WORDPRESS).build();              // the preset leaves out caches and .maintenance
        MySqlSyncer database = MySqlSyncer.builder().source(oldDb).target(newDb)
            .applicationUser("shop@%").build();             // made read-only for the final sync
        MigrationPlan plan = MigrationPlan.builder("shop.example.com")
            .source(oldServer)
            .target(newServer)
            .syncer(files)
            .syncer(database)
            .verifier(TreeHashVerifier.of(files))           // same roots and exclusions, compared with the last sync
            .verifier(DatabaseVerifier.builder().against(database).build())  // rows; later source changes pending
            .dns(DnsCutover.builder(Rfc2136Switcher.builder().zone("example.com.").server("192.0.2.53", 53)
                            .tsig("panel-key.", "hmac-sha256", Secret.of(tsigSecret)).build())
                    .names("shop.example.com.")
                    .record(DnsRecord.a("shop.example.com.", 3600, "198.51.100.20"))
                    .build())
            .maintenance(new WordPressMaintenance("/var/www/shop", "/srv/shop"))
            .journal(new DirectoryJournal(Path.of("/var/lib/panel/migrations")))
            .build();

        Migration m = Migration.open(plan);          // resumes from the journal if it has entries
        m.runTo(Phase.FUNCTIONAL_TESTING);           // preflight, initial sync, verifiers; stops at the gate
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        m.incrementalSync();                         // as often as wanted; status() estimates the final sync
        m.runTo(Phase.MORATORIUM);                   // lowers the TTL; status().cutoverNotBefore() says when
        m.cutover();                                 // CutoverTooEarlyException before then; else read-only
                                                     // source, final sync, verification, DNS switch
        m.runTo(Phase.POST_MIGRATION);               // watch window, TTL restored, cleanup; or m.rollback()
        System.out.print(m.report().render());
        // README example ends
    }
}
