package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.CopiedTables;
import io.sitemove.sync.mysql.CopyFigures;
import io.sitemove.sync.mysql.SchemaObjectsCopied;
import java.util.Optional;

/**
 * What a {@link ParallelCopy} did.
 *
 * @param rows rows copied
 * @param bytes bytes of values copied
 * @param tables the tables copied whole, and those only the receiving side has
 * @param position the binlog position of the snapshot, when the sending server keeps a binary log
 * @param objects the schema objects recreated
 * @param figures how the copy ran
 */
public record CopyOutcome(long rows, long bytes, CopiedTables tables, Optional<BinlogPosition> position,
        SchemaObjectsCopied objects, CopyFigures figures) {
    /** The snapshot's position as the syncer's cursor: {@code file:position}, or empty. */
    public String cursor() {
        return position.map(BinlogPosition::toString).orElse("");
    }
}
