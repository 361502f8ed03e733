package io.sitemove.sync.files.internal;

import io.sitemove.Server;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncResult;
import io.sitemove.sync.files.Exclusions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file sync, from connecting to the report: both trees listed at once (with what else the receiving
 * side tells, and the direct route's key made meanwhile where a FULL sync may use it), compared into a
 * plan, guarded against mass deletion, carried out ({@link Mover}) and reported ({@link SyncReport}).
 * REVERSE swaps the roles of the two servers and roots.
 */
public final class FileSyncRun {
    private static final Logger LOG = LoggerFactory.getLogger(FileSyncRun.class);

    /** How many times a sync sends at most, while files change as they are sent. */
    private static final int ROUNDS = 3;

    private final FileSyncSettings settings;
    private final SyncContext ctx;
    private final long started = System.nanoTime();

    private FileSyncRun(FileSyncSettings settings, SyncContext ctx) {
        this.settings = settings;
        this.ctx = ctx;
    }

    /** Runs one sync as the context asks. */
    public static SyncResult run(FileSyncSettings settings, SyncContext ctx) {
        return new FileSyncRun(settings, ctx).run();
    }

    private SyncResult run() {
        boolean reverse = ctx.direction() == Direction.REVERSE;
        Server from = reverse ? ctx.target() : ctx.source();
        Server to = reverse ? ctx.source() : ctx.target();
        try (SshPair pair = SshPair.open(from, to)) {
            step("connected");
            RemoteTree sender = new RemoteTree(pair.from(), reverse ? settings.targetRoot() : settings.sourceRoot());
            RemoteTree receiver = new RemoteTree(pair.to(), reverse ? settings.sourceRoot() : settings.targetRoot());
            Parallel<List<FileEntry>> receiving = Parallel.start("sitemove-list-receiver", () -> receiver.manifest(true));
            Parallel<ReceiverFacts> facts = Parallel.start("sitemove-receiver-facts", () -> ReceiverFacts.read(receiver));
            DirectKeys keys = new DirectKeys(settings, ctx, sender, receiver, facts);
            boolean done = false;
            try {
                Comparison comparison = compare(sender, receiver, receiving, facts, null);
                SyncResult result = SyncReport.of(settings, comparison, new Mover(settings, comparison, keys).move(),
                        started);
                step("placed");
                InFlight inFlight = InFlight.after(comparison);
                long resent = 0;
                for (int round = 1; round < ROUNDS && !inFlight.changed().isEmpty(); round++) {
                    LOG.info("{}: {} files changed on {} while they were sent ({}); sending them again",
                            settings.name(), inFlight.changed().size(), sender.where(), shortList(inFlight.paths()));
                    resent += inFlight.changed().size();
                    comparison = compare(sender, receiver, Parallel.start("sitemove-list-receiver",
                            () -> receiver.manifest(true)), facts, inFlight.relisted());
                    result = SyncReport.merge(result, SyncReport.of(settings, comparison,
                            new Mover(settings, comparison, keys).move(), started));
                    inFlight = InFlight.after(comparison);
                }
                if (!inFlight.changed().isEmpty()) {
                    LOG.warn("{}: {} files were still changing on {} after {} rounds ({}); the next sync settles them",
                            settings.name(), inFlight.changed().size(), sender.where(), ROUNDS,
                            shortList(inFlight.paths()));
                }
                RootTime.keep(settings.name(), sender, receiver);
                done = true;
                return SyncReport.inFlight(result, resent, inFlight.paths());
            } finally {
                keys.discard(done);
            }
        }
    }

    /** Lists the sending tree (the receiving one is being listed), plans and guards the deletions. */
    private Comparison compare(RemoteTree sender, RemoteTree receiver, Parallel<List<FileEntry>> receiving,
            Parallel<ReceiverFacts> facts, List<FileEntry> listed) {
        List<FileEntry> sent;
        try {
            sent = listed != null ? listed : sender.manifest(false);
        } catch (RuntimeException e) {
            try {
                receiving.join();
            } catch (RuntimeException also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        List<FileEntry> received = receiving.join();
        ReceiverFacts receiverFacts = facts.join();
        step("listed");
        Exclusions exclusions = new Exclusions(settings.excludes());
        Ownership ownership = ownership(receiver.ssh(), sent, received, receiverFacts);
        ContentCheck content = settings.verifyContent()
                ? ContentCheck.run(sender, receiver, ContentCheck.candidates(sent, received, exclusions))
                : ContentCheck.none();
        DeltaPlan plan = DeltaPlan.compare(sent, received, exclusions, ownership, content);
        DeletionGuard.check(plan, sender, receiver, settings.allowMassDeletion());
        step("planned");
        plan.skipped().forEach(e -> LOG.warn("{}: skipping {} '{}' on {}: only files, directories and links are copied",
                settings.name(), e.type(), e.displayPath(), sender.ssh().server()));
        return new Comparison(ctx, sender, receiver, sent, received, receiverFacts, exclusions, ownership, content,
                plan);
    }

    private Ownership ownership(SshConnection receiver, List<FileEntry> sent, List<FileEntry> received,
            ReceiverFacts facts) {
        if (settings.targetOwner() != null && ctx.direction() != Direction.REVERSE) {
            return Ownership.fixed(settings.targetOwner());
        }
        return facts.root() ? Ownership.byNameOn(receiver, sent, received, facts.users(), facts.groups())
                : Ownership.none();
    }

    private static String shortList(List<String> paths) {
        return paths.size() <= 10 ? String.join(", ", paths)
                : String.join(", ", paths.subList(0, 10)) + " and " + (paths.size() - 10) + " more";
    }

    private void step(String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} after {} ms", settings.name(), what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
