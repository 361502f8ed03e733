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
                Comparison comparison = compare(sender, receiver, receiving, facts);
                Mover.Moved moved = new Mover(settings, comparison, keys).move();
                step("placed");
                SyncResult result = SyncReport.of(settings, comparison, moved, started);
                done = true;
                return result;
            } finally {
                keys.discard(done);
            }
        }
    }

    /** Lists the sending tree (the receiving one is being listed), plans and guards the deletions. */
    private Comparison compare(RemoteTree sender, RemoteTree receiver, Parallel<List<FileEntry>> receiving,
            Parallel<ReceiverFacts> facts) {
        List<FileEntry> sent;
        try {
            sent = sender.manifest(false);
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

    private void step(String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} after {} ms", settings.name(), what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
