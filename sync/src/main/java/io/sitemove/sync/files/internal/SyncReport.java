package io.sitemove.sync.files.internal;

import io.sitemove.Counts;
import io.sitemove.spi.SyncResult;
import io.sitemove.sync.files.FileSyncDetails;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file sync's result: the counts, the time, the digest of the sending tree's manifest as the cursor, and
 * the details; logged in one line.
 */
final class SyncReport {
    private static final Logger LOG = LoggerFactory.getLogger(SyncReport.class);

    private SyncReport() {
    }

    static SyncResult of(FileSyncSettings settings, Comparison c, Mover.Moved moved, long started) {
        Transfer transfer = moved.transfer();
        DeltaPlan plan = c.plan();
        List<FileEntry> kept = c.sent().stream().filter(e -> !c.exclusions().excludes(e.path())).toList();
        FileSyncDetails details = new FileSyncDetails(moved.route(), c.ctx().direction(), kept.size(),
                plan.receiverEntries(), plan.send().size(), plan.skipped().size(), transfer.resumed(), transfer.wire(),
                transfer.vanished(), settings.verifyContent(), c.content().checked(), c.content().differing());
        SyncResult result = new SyncResult(Counts.files(plan.newOrChanged(), transfer.bytes()), plan.vanished(),
                plan.attributeOnly(), Duration.ofNanos(System.nanoTime() - started), ManifestDigest.of(kept), details);
        LOG.info("{}: {} {} -> {}: {} new or changed, {} deleted, {} attributes fixed, {} bytes ({} over the"
                + " network)", settings.name(), c.ctx().mode(), c.sender().where(), c.receiver().where(),
                plan.newOrChanged(), plan.vanished(), plan.attributeOnly(), transfer.bytes(), transfer.wire());
        return result;
    }

    /** A second round's result added to the first's: counts summed, the later round's cursor and details. */
    static SyncResult merge(SyncResult first, SyncResult then) {
        return new SyncResult(Counts.files(first.moved().files() + then.moved().files(),
                first.moved().bytes() + then.moved().bytes()), first.deleted() + then.deleted(),
                first.attributesFixed() + then.attributesFixed(), then.duration(), then.cursor(), then.details());
    }

    /** The result with what changed while it was sent in its details. */
    static SyncResult inFlight(SyncResult result, long resent, List<String> changed) {
        if (resent == 0 && changed.isEmpty()) {
            return result;
        }
        FileSyncDetails details = ((FileSyncDetails) result.details()).inFlight(resent, changed);
        return new SyncResult(result.moved(), result.deleted(), result.attributesFixed(), result.duration(),
                result.cursor(), details);
    }
}
