package io.sitemove.wordpress.internal;

import io.sitemove.Counts;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of the WordPress integrity check: both databases read at once, then the uploads looked up. */
public final class IntegrityCheck {
    private final IntegritySettings settings;
    private final String name;

    /**
     * @param settings what the verifier was built with
     * @param name the verifier's name, for the verification
     */
    public IntegrityCheck(IntegritySettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** Runs it against the context's servers. */
    public Verification run(VerifyContext ctx) {
        long start = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        Parallel.Both<String> prefixes = Prefixes.resolve(ctx, settings, findings);
        Parallel.Both<DatabaseSnapshot> read = Parallel.onBoth("read the WordPress tables",
                () -> snapshot(settings.sourceDb(), prefixes.source()),
                () -> snapshot(settings.targetDb(), prefixes.target()));
        DatabaseSnapshot source = read.source();
        DatabaseSnapshot target = read.target();
        int missingTables = tables(source, target, findings);
        long orphans = new OrphanFindings(settings.maxListed()).compare(source, target, findings);
        int options = OptionFindings.compare(source, target, settings.expectedUrls(), settings.requiredOptions(),
                findings);
        UploadDirs dirs = new UploadDirs(ctx.source(), uploads(settings.sourceDocroot()), ctx.target(),
                uploads(settings.targetDocroot()));
        long lost = new AttachmentFindings(settings.maxListed()).check(target.attachments(), dirs, pendingSince(ctx),
                findings);
        ctx.progress().report(Counts.rows(target.attachments().size(), 0), Counts.ZERO);
        String summary = "WordPress " + target.tables().prefix() + "* in " + target.endpoint().where() + ": "
                + missingTables + " core " + plural(missingTables, "table") + " missing, " + orphans + " orphaned "
                + plural(orphans, "row") + " not on the source, " + options + " " + plural(options, "option")
                + " wrong or missing, " + lost + " of " + target.attachments().size() + " attachment "
                + plural(target.attachments().size(), "file") + " missing";
        return Verification.of(name, summary, findings, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Before the cutover, a file written on the source after the last file sync started is on its way. */
    private Instant pendingSince(VerifyContext ctx) {
        if (ctx.stage() == VerifyStage.CUTOVER) {
            return null;
        }
        return ctx.lastSync(settings.filesSyncer()).map(EntryData.Synced::started).orElse(null);
    }

    private DatabaseSnapshot snapshot(DbEndpoint db, String prefix) {
        return DatabaseSnapshot.read(db, new WpTables(prefix), IntegritySettings.SCAN_LIMIT, settings.optionNames());
    }

    private String uploads(String docroot) {
        return docroot + "/" + settings.uploadsDir();
    }

    private static int tables(DatabaseSnapshot source, DatabaseSnapshot target, List<Finding> findings) {
        int missing = 0;
        for (String table : WpTables.CORE) {
            if (!target.present().contains(table)) {
                String subject = "table " + target.tables().name(table) + " in " + target.endpoint().where();
                if (source.present().contains(table)) {
                    missing++;
                    findings.add(Finding.blocking("table-missing", subject, "present (the source has "
                            + source.tables().name(table) + ")", "missing", "sync the database again"));
                } else {
                    findings.add(Finding.info("table-missing", subject, "missing, already missing on the source"));
                }
            }
        }
        return missing;
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
