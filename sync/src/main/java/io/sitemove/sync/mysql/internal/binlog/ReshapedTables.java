package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.sync.mysql.internal.copy.CopyScene;
import io.sitemove.sync.mysql.internal.copy.TableChoice;
import io.sitemove.sync.mysql.internal.copy.TargetDatabase;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a binlog delta leaves to a whole recopy after schema changes: those the receiving side lacks
 * or defines differently, and those whose row images no longer matched their definition. They are copied
 * with the receiving side's triggers suspended, as the delta's rows were.
 */
public final class ReshapedTables implements TableChoice {
    private final Set<String> forced;

    /** Also recopies {@code forced} (the delta found their binlog columns out of step). */
    public ReshapedTables(Set<String> forced) {
        this.forced = Set.copyOf(forced);
    }

    @Override
    public Set<String> choose(CopyScene scene) throws SQLException {
        Set<String> chosen = new TreeSet<>();
        for (String table : scene.snapshot().tables().keySet()) {
            if (forced.contains(table)
                    || !TargetDatabase.sameDefinition(scene.read(), scene.write(), scene.targetTables(), table)) {
                chosen.add(table);
            }
        }
        return chosen;
    }

    @Override
    public boolean suspendsTriggers() {
        return true;
    }
}
