package io.sitemove.sync.mysql;

import io.sitemove.spi.Direction;
import java.util.Objects;

/**
 * What a delta found by comparing both sides did ({@link DeltaMethod#CHECKSUM}, or {@link DeltaMethod#AUTO}
 * where the binary log could not serve): tables with a primary key compared and repaired by key range, the
 * others by {@code CHECKSUM TABLE} and recopied whole when they differ.
 *
 * @param direction which way it copied
 * @param binlogUnavailable why the binary log was not read ("deltaMethod is CHECKSUM" when that was asked for)
 * @param tables the tables repaired by range or recopied whole, and those only the receiving side has
 * @param ranges what the comparison by key range found
 * @param copy how the whole tables were copied
 * @param cursorBefore the last sync's cursor, when it was a binlog position; else null
 * @param cursorAfter the binlog position of the snapshot compared, when the sending server keeps a binary log;
 *     else null
 * @param sourceLock what was done to the site's account (see {@link MySqlSyncDetails#sourceLock()}); or null
 */
public record MySqlChecksumDeltaDetails(Direction direction, String binlogUnavailable, CopiedTables tables,
        RangeFigures ranges, CopyFigures copy, BinlogPosition cursorBefore, BinlogPosition cursorAfter,
        SourceLock sourceLock) implements MySqlSyncDetails {
    public MySqlChecksumDeltaDetails {
        Objects.requireNonNull(direction, "direction cannot be null");
        Objects.requireNonNull(binlogUnavailable, "binlogUnavailable cannot be null");
        Objects.requireNonNull(tables, "tables cannot be null");
        Objects.requireNonNull(ranges, "ranges cannot be null");
        Objects.requireNonNull(copy, "copy cannot be null");
    }

    @Override
    public MySqlChecksumDeltaDetails withSourceLock(SourceLock lock) {
        return new MySqlChecksumDeltaDetails(direction, binlogUnavailable, tables, ranges, copy, cursorBefore,
                cursorAfter, lock);
    }

    @Override
    public String summary() {
        return MySqlSyncDetails.withLock("checksum delta " + direction + " (" + binlogUnavailable + "): "
                + ranges.summary() + "; " + tables.summary(), sourceLock);
    }
}
