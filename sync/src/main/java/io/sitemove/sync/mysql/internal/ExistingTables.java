package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.ExistingTablesException;
import io.sitemove.sync.mysql.internal.copy.TargetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guard against a silent overwrite: the target's base tables that a FULL copy would drop and
 * recreate (those the source has too), less those the plan lets it replace and those this syncer
 * already wrote itself (so the engine's retry of an interrupted copy is not refused by its own tables).
 * A copy that the engine says resumes an earlier, interrupted one ({@code SyncContext.resumed()}, after
 * a crash of the panel) is not checked at all: the tables it finds are that copy's, and the preflight
 * checked the target before the first.
 */
public final class ExistingTables {
    /**
     * What the plan lets a FULL copy replace.
     *
     * @param all every table
     * @param named these tables only (when not {@code all})
     */
    public record Replace(boolean all, Set<String> named) {
        public Replace {
            named = Set.copyOf(named);
        }

        /** Nothing may be replaced. */
        public static Replace none() {
            return new Replace(false, Set.of());
        }
    }

    private final String name;
    private final Replace replace;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    public ExistingTables(String name, Replace replace) {
        this.name = name;
        this.replace = replace;
    }

    /** The target's tables a FULL copy from {@code source} would replace without leave, sorted. */
    public List<String> atRisk(DbEndpoint source, DbEndpoint target) {
        if (replace.all()) {
            return List.of();
        }
        Set<String> theirs = tables(target, "list the target's tables (" + name + ")");
        if (theirs.isEmpty()) {
            return List.of();
        }
        Set<String> ours = tables(source, "list the source's tables (" + name + ")");
        List<String> risk = new ArrayList<>();
        for (String t : theirs) {
            if (ours.contains(t) && !replace.named().contains(t) && !written.contains(t)) {
                risk.add(t);
            }
        }
        return risk;
    }

    /**
     * Refuses the FULL copy when the target holds tables it may not replace; else remembers the
     * source's tables as this syncer's own, for a retry.
     *
     * @throws ExistingTablesException naming the tables
     */
    public void refuseOrClaim(DbEndpoint source, DbEndpoint target) {
        List<String> risk = atRisk(source, target);
        if (!risk.isEmpty()) {
            throw new ExistingTablesException(name, target.where(), risk);
        }
        written.addAll(tables(source, "list the source's tables (" + name + ")"));
    }

    private static Set<String> tables(DbEndpoint endpoint, String what) {
        try (Connection c = Sql.open(endpoint, false)) {
            return TargetDatabase.baseTables(c, endpoint.database());
        } catch (SQLException e) {
            throw Sql.failure(what, endpoint, null, e);
        }
    }
}
