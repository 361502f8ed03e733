package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.Parallel;
import io.sitemove.sync.files.Strategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the plan's entries straight from the sending server ({@link RsyncPush}) with the sync's temporary
 * key, which it closes however the transfer ends; once rsync is done, the receiving side's last script
 * (deletions and attribute fixes) runs while the key is removed. Where {@link Strategy#AUTO} finds the
 * route closed, or the key refused, it sends nothing and says so: the relay carries the entries then.
 */
final class DirectTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(DirectTransfer.class);

    private final FileSyncSettings settings;
    private final Comparison c;
    private final DirectKeys keys;

    DirectTransfer(FileSyncSettings settings, Comparison c, DirectKeys keys) {
        this.settings = settings;
        this.c = c;
        this.keys = keys;
    }

    /**
     * Pushes the entries, then runs {@code finish} (the receiving side's last script); null when AUTO
     * finds the route closed or refused.
     */
    Transfer send(Runnable finish) {
        DirectKeys.Attempt attempt = keys.get();
        if (attempt.key() == null) {
            return closed(attempt.problem());
        }
        Parallel<Void> finishing = null;
        RsyncPush.Result pushed;
        try (DirectKey key = attempt.key()) {
            pushed = RsyncPush.push(c.sender(), c.receiver().ssh().server(), key, new RsyncPush.Push(c.plan().send(),
                    c.plan().sendBytes(), c.ownership().fixedOwner(), c.ctx().progress()));
            finishing = Parallel.start("sitemove-finish", () -> {
                finish.run();
                return null;
            });
        } catch (DirectRefusedException e) {
            if (settings.strategy() == Strategy.DIRECT) {
                throw e;
            }
            LOG.warn("{}: relaying through this process, since the direct transfer was refused: {}", settings.name(),
                    e.getMessage());
            return null;
        } catch (RuntimeException e) {
            joinAfterFailure(finishing, e);
            throw e;
        }
        finishing.join();
        if (pushed.vanished() > 0) {
            LOG.warn("{}: {} entries vanished from {} between its listing and the transfer; the next sync settles"
                    + " them", settings.name(), pushed.vanished(), c.sender().where());
        }
        return new Transfer(null, c.plan().send(), pushed.bytes(), pushed.wireBytes(), 0, pushed.vanished());
    }

    private static void joinAfterFailure(Parallel<Void> finishing, RuntimeException e) {
        if (finishing != null) {
            try {
                finishing.join();
            } catch (RuntimeException also) {
                e.addSuppressed(also);
            }
        }
    }

    private Transfer closed(String problem) {
        if (settings.strategy() == Strategy.DIRECT) {
            throw MigrationException.permanent(settings.name() + ": the direct transfer from " + c.sender().where()
                    + " to " + c.receiver().where() + " cannot run: " + problem
                    + "; fix that or use Strategy.RELAY (or AUTO)");
        }
        LOG.info("{}: relaying through this process: {}", settings.name(), problem);
        return null;
    }

    /** The plan's fixes, and the directories rsync set that the deletions after it will disturb. */
    static List<AttributeFix> fixes(DeltaPlan plan) {
        List<AttributeFix> fixes = new ArrayList<>(plan.fixes());
        Set<String> disturbed = new HashSet<>();
        plan.delete().forEach(e -> disturbed.add(parentOf(e.path())));
        plan.send().stream().filter(e -> e.isDir() && disturbed.contains(e.path()))
                .forEach(e -> fixes.add(new AttributeFix(e, false, true, null, false)));
        return fixes;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
