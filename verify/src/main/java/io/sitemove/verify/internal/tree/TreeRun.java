package io.sitemove.verify.internal.tree;

import io.sitemove.Counts;
import io.sitemove.Server;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.verify.ContentHashes;
import io.sitemove.verify.internal.Findings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of the tree verifier: list both sides at once, hash what the stage asks, compare. */
public final class TreeRun {
    private static final Logger LOG = LoggerFactory.getLogger(TreeRun.class);

    private final TreeSettings settings;
    private final String verifier;
    private final Exclusions exclusions;

    /** A run with these settings, its verification named {@code verifier}. */
    public TreeRun(TreeSettings settings, String verifier) {
        this.settings = settings;
        this.verifier = verifier;
        this.exclusions = settings.exclusions();
    }

    /** Runs the comparison for the context's stage. */
    public Verification run(VerifyContext ctx) {
        long start = System.nanoTime();
        Server source = ctx.source();
        Server target = ctx.target();
        ContentHashes when = settings.hashesAt(ctx.stage());
        try (SshConnection src = SshConnection.open(source);
                SshConnection dst = SshConnection.open(target)) {
            Optional<Instant> since = liveSince(ctx);
            Parallel.Both<TreeSide> sides = Parallel.onBoth("list files",
                    () -> TreeReader.list(src, settings.sourceRoot(), exclusions),
                    () -> TreeReader.list(dst, settings.targetRoot(), exclusions));
            LiveChanges live = since.map(at -> LiveChanges.since(SourceClock.read(src, Clock.systemUTC())
                    .earliestSecond(at), sides.source().entries(), sides.source().rootChanged()))
                    .orElse(LiveChanges.none());
            TreeComparison comparison = new TreeComparison(sides.source(), sides.target(), settings.attributes());
            SortedSet<String> toHash = comparison.filesToHash(when);
            Counts work = Counts.files(toHash.size(), comparison.sourceBytes(toHash));
            ctx.progress().report(Counts.ZERO, work);
            Parallel.Both<Map<String, String>> hashes = Parallel.onBoth("hash files",
                    () -> TreeReader.hash(src, settings.sourceRoot(), toHash),
                    () -> TreeReader.hash(dst, settings.targetRoot(), toHash));
            ctx.progress().report(work, work);
            Findings findings = new Findings();
            TreeComparison.Tally tally = comparison.compare(
                    new TreeComparison.Hashes(toHash, hashes.source(), hashes.target()), live, findings);
            String summary = TreeSummary.of(tally, comparison.entries(), scope(source, target, when, toHash.size()),
                    since);
            LOG.debug("{}: {}", verifier, summary);
            return Verification.of(verifier, summary, findings.list(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** When the last sync started, if differences since then may be changes on a live source. */
    private Optional<Instant> liveSince(VerifyContext ctx) {
        if (ctx.stage() == VerifyStage.CUTOVER) {
            return Optional.empty();
        }
        return ctx.lastSync(settings.syncerName()).map(EntryData.Synced::started);
    }

    private String scope(Server source, Server target, ContentHashes when, int hashed) {
        String content = switch (when) {
            case ALWAYS -> hashed + " files hashed";
            case WHEN_SIZE_OR_MTIME_DIFFER -> hashed + " files hashed, the others taken as identical by size and mtime";
            case NEVER -> "no content hashed: files compared by size";
        };
        return "under " + settings.sourceRoot() + " on " + source.name() + " and " + settings.targetRoot() + " on "
                + target.name() + " (" + content + ")";
    }
}
