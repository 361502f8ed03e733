package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.sync.files.Route;
import io.sitemove.sync.files.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a sync's plan: sends what it sends by the direct route where the sync may take it and it
 * opens ({@link DirectTransfer}), else through this process into the staging directory
 * ({@link RelayTransfer}); then, in one script on the receiving side, deletes what the sender no longer
 * has, places the staged entries and corrects attributes. A permanent failure removes the staging
 * directory; a transient one keeps it, so the next attempt resumes.
 */
final class Mover {
    private static final Logger LOG = LoggerFactory.getLogger(Mover.class);
    private static final String FINISH_DIRECT = "delete what the sending side no longer has and correct modes, owners"
            + " and mtimes";
    private static final String FINISH_RELAY = "delete what the sending side no longer has, move the transferred"
            + " entries into place and correct modes, owners and mtimes";

    /** What moved the entries, and the way they took. */
    record Moved(Transfer transfer, Route route) {
    }

    private final FileSyncSettings settings;
    private final Comparison c;
    private final DirectKeys keys;

    Mover(FileSyncSettings settings, Comparison c, DirectKeys keys) {
        this.settings = settings;
        this.c = c;
        this.keys = keys;
    }

    /** Moves the entries and finishes the receiving side. */
    Moved move() {
        Staging staging = c.facts().staging();
        try {
            DeltaPlan plan = c.plan();
            if (plan.send().isEmpty()) {
                RemoteScript.run(c.receiver().ssh(), c.receiver().root(), finishRelay(staging, Transfer.none()),
                        FINISH_RELAY);
                return new Moved(Transfer.none(), Route.NONE);
            }
            if (tryDirect(plan)) {
                Transfer direct = direct(staging);
                if (direct != null) {
                    return new Moved(direct, Route.DIRECT);
                }
            }
            return new Moved(relay(staging), Route.RELAY);
        } catch (MigrationException e) {
            if (!e.isTransient()) {
                removeStaging(staging);
            }
            throw e;
        }
    }

    private boolean tryDirect(DeltaPlan plan) {
        return settings.strategy() == Strategy.DIRECT
                || settings.strategy() == Strategy.AUTO && plan.sendBytes() >= settings.relayBelow();
    }

    /** The direct route, its last script started beforehand so the login overlaps the transfer. */
    private Transfer direct(Staging staging) {
        SshConnection to = c.receiver().ssh();
        try (RemoteScript.Shell finisher = RemoteScript.start(to, c.receiver().root())) {
            List<List<String>> script = finishing(staging, PlaceCommands.of(null, List.of(), remaining(),
                    DirectTransfer.fixes(c.plan()), null));
            return new DirectTransfer(settings, c, keys).send(() -> finisher.run(script, FINISH_DIRECT));
        }
    }

    /** The relay, its last script started beforehand so the login overlaps the transfer. */
    private Transfer relay(Staging staging) {
        try (RemoteScript.Shell placer = RemoteScript.start(c.receiver().ssh(), c.receiver().root())) {
            Transfer transfer = RelayTransfer.send(settings.name(), c, staging);
            placer.run(finishRelay(staging, transfer), FINISH_RELAY);
            return transfer;
        }
    }

    private List<List<String>> finishRelay(Staging staging, Transfer transfer) {
        return finishing(staging, PlaceCommands.of(transfer.staging(), transfer.placed(), remaining(),
                c.plan().fixes(), c.ownership().fixedOwner()));
    }

    /**
     * The receiving side's last script: deletions first, then the given placing commands, then removing
     * the staging directories (kept when an earlier command fails, to resume from).
     */
    private List<List<String>> finishing(Staging staging, List<List<String>> place) {
        List<List<String>> commands = new ArrayList<>(RemoteTree.deleteCommands(c.plan().delete()));
        commands.addAll(place);
        commands.addAll(staging.removeCommand());
        return commands;
    }

    /** The receiving side's entries that stay, by path. */
    private Map<String, FileEntry> remaining() {
        Map<String, FileEntry> byPath = new HashMap<>();
        c.received().forEach(e -> byPath.put(e.path(), e));
        c.plan().delete().forEach(e -> byPath.remove(e.path()));
        return byPath;
    }

    private void removeStaging(Staging staging) {
        try {
            staging.removeAll();
        } catch (MigrationException cleanup) {
            LOG.warn("{}: could not remove the staging directory after a failure: {}", settings.name(),
                    cleanup.getMessage());
        }
    }
}
