package io.sitemove.sync.files.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the plan's entries through this process ({@link TarRelay}) into the receiving side's staging
 * directory, taking up what an interrupted sync left there: files that arrived whole are kept and not
 * sent again ({@link ResumePlan}), the rest of the leftovers removed.
 */
final class RelayTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(RelayTransfer.class);

    private RelayTransfer() {
    }

    /** Relays what the plan sends into the staging directory; nothing when it sends nothing. */
    static Transfer send(String name, Comparison c, Staging staging) {
        DeltaPlan plan = c.plan();
        if (plan.send().isEmpty()) {
            return Transfer.none();
        }
        RemoteTree staged = staging.open();
        ResumePlan resume = ResumePlan.of(plan.send(), staging.resumed() ? staged.manifest() : List.of());
        staging.discard(resume.discard());
        if (resume.reused() > 0) {
            LOG.info("{}: {} files ({} bytes) had arrived whole in {} before an interruption; not sending them again",
                    name, resume.reused(), resume.reusedBytes(), staged.where());
        }
        List<FileEntry> transfer = resume.transfer();
        if (transfer.isEmpty()) {
            return new Transfer(staging.name(), plan.send(), 0, 0, resume.reused(), 0);
        }
        TransferProgress progress = new TransferProgress(c.ctx().progress(), transfer);
        TarRelay.Result relayed = TarRelay.relay(c.sender(), staged, !staging.created(), transfer,
                c.ownership().extractOwners(), progress::onBytes);
        long bytes = relayed.bytes();
        progress.finish(bytes);
        if (relayed.complete()) {
            return new Transfer(staging.name(), plan.send(), bytes, bytes, resume.reused(), 0);
        }
        Set<String> arrived = new HashSet<>();
        staged.manifest().forEach(e -> arrived.add(e.path()));
        List<FileEntry> placed = plan.send().stream().filter(e -> arrived.contains(e.path())).toList();
        long vanished = plan.send().size() - placed.size();
        if (vanished > 0) {
            LOG.warn("{}: {} entries vanished from {} between its listing and the transfer; the next sync settles them",
                    name, vanished, c.sender().where());
        }
        return new Transfer(staging.name(), placed, bytes, bytes, resume.reused(), vanished);
    }
}
