package io.sitemove.sync.mysql;

import java.util.List;

/**
 * How the copy of whole tables ran: its workers and snapshot, how rows went in, and what it cost.
 *
 * @param workers the connections that read and wrote at once
 * @param snapshot how the consistent snapshot was opened, in words
 * @param snapshotLockMillis how long {@code FLUSH TABLES WITH READ LOCK} was held while the snapshots opened;
 *     -1 when none was taken
 * @param bulkLoad how rows were written
 * @param localInfileOff whether {@link BulkLoad#LOAD_DATA} was asked for but the target has
 *     {@code local_infile=OFF}, so rows went in by INSERT
 * @param chunks the chunks the tables were read in
 * @param tablesWithoutPrimaryKey tables copied whole, not in chunks, for want of a primary key
 * @param indexesBuiltAfterLoad secondary indexes built after their table's rows were loaded
 * @param indexBuildMillis the time spent building those
 * @param largestRowBytes the largest row copied
 * @param heapPeakMb the largest heap this process used while copying, in MiB
 * @param copyMillis how long the copy took
 */
public record CopyFigures(int workers, String snapshot, long snapshotLockMillis, BulkLoad bulkLoad,
        boolean localInfileOff, int chunks, List<String> tablesWithoutPrimaryKey, int indexesBuiltAfterLoad,
        long indexBuildMillis, long largestRowBytes, long heapPeakMb, long copyMillis) {
    public CopyFigures {
        tablesWithoutPrimaryKey = List.copyOf(tablesWithoutPrimaryKey);
    }

    /** One line for a report. */
    public String summary() {
        return workers + " workers, " + chunks + " chunks by " + bulkLoad + (localInfileOff
                ? " (LOAD_DATA asked for, the target has local_infile=OFF)" : "") + ", " + copyMillis + " ms"
                + (snapshotLockMillis >= 0 ? ", read lock held " + snapshotLockMillis + " ms" : "");
    }
}
