package io.sitemove.sync.mysql;

import io.sitemove.spi.Direction;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a delta read from the sending server's binary log did ({@link DeltaMethod#BINLOG}).
 *
 * @param direction which way it copied
 * @param cursorBefore where the read began: the last sync's cursor
 * @param cursorAfter where it ended: the binary log's end when the delta started, the next cursor
 * @param rowsWritten rows inserted on the source, applied
 * @param rowsUpdated rows updated on the source, applied
 * @param rowsDeleted rows deleted on the source, applied
 * @param rowsNotFoundOnTarget updated or deleted rows that the receiving side did not hold
 * @param binlogBytes the bytes of row events read
 * @param rowsByTable row changes applied, by table
 * @param tablesWithoutPrimaryKey tables whose changes were matched on all their columns, one row at a time:
 *     replaying those changes twice would duplicate their inserts
 * @param schemaChanges the schema changes met in the binary log (with
 *     {@link MySqlSyncer.Builder#recopyTablesOnDdl(boolean)}), as excerpts
 * @param recopied the tables recopied in full after those ({@link CopiedTables#none()} when there were none)
 * @param sourceLock what was done to the site's account (see {@link MySqlSyncDetails#sourceLock()}); or null
 */
public record MySqlBinlogDeltaDetails(Direction direction, BinlogPosition cursorBefore, BinlogPosition cursorAfter,
        long rowsWritten, long rowsUpdated, long rowsDeleted, long rowsNotFoundOnTarget, long binlogBytes,
        Map<String, Long> rowsByTable, List<String> tablesWithoutPrimaryKey, List<String> schemaChanges,
        CopiedTables recopied, SourceLock sourceLock) implements MySqlSyncDetails {
    public MySqlBinlogDeltaDetails {
        Objects.requireNonNull(direction, "direction cannot be null");
        Objects.requireNonNull(cursorBefore, "cursorBefore cannot be null");
        Objects.requireNonNull(cursorAfter, "cursorAfter cannot be null");
        rowsByTable = Collections.unmodifiableMap(new TreeMap<>(rowsByTable));
        tablesWithoutPrimaryKey = List.copyOf(tablesWithoutPrimaryKey);
        schemaChanges = List.copyOf(schemaChanges);
        Objects.requireNonNull(recopied, "recopied cannot be null");
    }

    @Override
    public MySqlBinlogDeltaDetails withSourceLock(SourceLock lock) {
        return new MySqlBinlogDeltaDetails(direction, cursorBefore, cursorAfter, rowsWritten, rowsUpdated, rowsDeleted,
                rowsNotFoundOnTarget, binlogBytes, rowsByTable, tablesWithoutPrimaryKey, schemaChanges, recopied, lock);
    }

    @Override
    public String summary() {
        String line = "binlog delta " + direction + " " + cursorBefore + " -> " + cursorAfter + ": " + rowsWritten
                + " written, " + rowsUpdated + " updated, " + rowsDeleted + " deleted in " + rowsByTable.size()
                + " tables";
        if (rowsNotFoundOnTarget > 0) {
            line += ", " + rowsNotFoundOnTarget + " not found on the target";
        }
        if (!tablesWithoutPrimaryKey.isEmpty()) {
            line += "; warning: " + tablesWithoutPrimaryKey + " have no primary key, so their changes were matched on"
                    + " all columns and replaying them twice duplicates inserts";
        }
        if (!schemaChanges.isEmpty()) {
            line += "; " + schemaChanges.size() + " schema changes, " + recopied.summary();
        }
        return MySqlSyncDetails.withLock(line, sourceLock);
    }
}
