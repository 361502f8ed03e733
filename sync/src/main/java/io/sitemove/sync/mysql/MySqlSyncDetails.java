package io.sitemove.sync.mysql;

import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncDetails;

/**
 * What a {@link MySqlSyncer} reports about one sync, beyond its counts: one record for each kind of
 * sync, so a panel sees only the figures that kind has.
 *
 * <pre>{@code
 * switch (result.details()) {
 *     case MySqlCopyDetails copy -> panel.show(copy.copy().workers(), copy.tables().copied());
 *     case MySqlBinlogDeltaDetails binlog -> panel.show(binlog.cursorAfter(), binlog.rowsByTable());
 *     case MySqlChecksumDeltaDetails checksum -> panel.show(checksum.ranges().rangesDiffering());
 *     default -> { }
 * }
 * }</pre>
 */
public sealed interface MySqlSyncDetails extends SyncDetails
        permits MySqlCopyDetails, MySqlBinlogDeltaDetails, MySqlChecksumDeltaDetails {
    /** Which way the sync copied. */
    Direction direction();

    /**
     * What the sync did to the site's account on the source: a FINAL sync locks it out first, a REVERSE
     * sync lets it back in; null when the sync did neither.
     */
    SourceLock sourceLock();

    /** These details with the given lock outcome. */
    MySqlSyncDetails withSourceLock(SourceLock lock);

    /** The lock outcome's summary after a report line, when there is one. */
    static String withLock(String line, SourceLock lock) {
        return lock == null ? line : line + "; " + lock.summary();
    }
}
