package io.sitemove.sync.mysql.internal.copy;

import java.sql.SQLException;
import java.util.Set;

/**
 * Which of the snapshot's tables a {@link ParallelCopy} copies whole: all of them (a FULL copy), or those
 * a delta found changed. It chooses inside the copy's snapshot, with its connections.
 */
public interface TableChoice {
    /** Every table, with the receiving side's triggers left in place. */
    TableChoice ALL = new TableChoice() {
        @Override
        public Set<String> choose(CopyScene scene) {
            return null;
        }

        @Override
        public boolean suspendsTriggers() {
            return false;
        }
    };

    /** The tables to copy whole, or null for every table of the snapshot. */
    Set<String> choose(CopyScene scene) throws SQLException;

    /** Whether the receiving database's triggers are suspended while the copy writes (a delta's rows). */
    boolean suspendsTriggers();
}
