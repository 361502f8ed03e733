package io.sitemove.sync.mysql;

import io.sitemove.spi.Direction;
import java.util.Objects;

/**
 * What a FULL sync did: every base table copied from one consistent snapshot, then the schema objects.
 *
 * @param direction which way it copied
 * @param tables the tables copied, and those only the receiving side has
 * @param copy how the copy ran
 * @param objects the views, routines, triggers and events recreated ({@link SchemaObjectsCopied#none()} for a
 *     REVERSE copy, which leaves them alone)
 * @param cursorBefore the cursor of the sync before, when there was one (a FULL sync run again); else null
 * @param cursorAfter the binlog position of the snapshot, where the next delta starts; null when the sending
 *     server keeps no binary log
 * @param sourceLock what was done to the site's account (see {@link MySqlSyncDetails#sourceLock()}); or null
 */
public record MySqlCopyDetails(Direction direction, CopiedTables tables, CopyFigures copy, SchemaObjectsCopied objects,
        BinlogPosition cursorBefore, BinlogPosition cursorAfter, SourceLock sourceLock) implements MySqlSyncDetails {
    public MySqlCopyDetails {
        Objects.requireNonNull(direction, "direction cannot be null");
        Objects.requireNonNull(tables, "tables cannot be null");
        Objects.requireNonNull(copy, "copy cannot be null");
        Objects.requireNonNull(objects, "objects cannot be null");
    }

    @Override
    public MySqlCopyDetails withSourceLock(SourceLock lock) {
        return new MySqlCopyDetails(direction, tables, copy, objects, cursorBefore, cursorAfter, lock);
    }

    @Override
    public String summary() {
        return MySqlSyncDetails.withLock("full copy " + direction + ": " + tables.summary() + "; " + copy.summary()
                + "; " + objects.summary() + (cursorAfter == null ? "" : "; binlog at " + cursorAfter), sourceLock);
    }
}
