package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.sync.mysql.internal.SnapshotGroup;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import java.sql.Connection;
import java.util.Set;

/**
 * What a copy holds open while a {@link TableChoice} chooses: the snapshot and its connections, the
 * receiving connection, and the means to plan a table's chunks and report rows that land.
 *
 * @param group the snapshot's connections, each in the same consistent snapshot
 * @param write the receiving connection, in the receiving database, autocommitting
 * @param snapshot what the snapshot holds
 * @param targetTables the receiving database's base tables
 * @param tables plans the tables' jobs and chunks
 * @param progress told the rows and bytes that land
 */
public record CopyScene(SnapshotGroup group, Connection write, SourceSnapshot snapshot, Set<String> targetTables,
        TablePreparation tables, CopyProgress progress) {
    /** The first snapshot connection, which reads the definitions. */
    public Connection read() {
        return group.readers().get(0);
    }
}
