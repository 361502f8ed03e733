package io.sitemove.verify.internal.db;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.BinlogChanges;
import java.util.List;

/** The one line a database verification says: what was compared, what differs, what is pending. */
public final class DatabaseSummary {
    private DatabaseSummary() {
    }

    /**
     * "12 tables identical in database a and b (4800 rows on source)", or "1 of 12 tables differ in ...",
     * then the rows pending, how fast mode went and any notes.
     *
     * @param lastDelta what the last delta touched, when fast mode compared by it; else null
     */
    public static String of(DbEndpoint source, DbEndpoint target, DatabaseCheck.Outcome outcome,
            DbFindings findings, BinlogChanges lastDelta, List<String> notes) {
        int tables = outcome.tables();
        String scope = " in database " + source.where() + " and " + target.where() + " (" + findings.sourceRows()
                + " rows on source)";
        StringBuilder line = new StringBuilder(findings.tablesDiffering() == 0
                ? tables + " tables identical" + scope
                : findings.tablesDiffering() + " of " + tables + " tables differ" + scope);
        long pending = findings.rowsPending();
        if (pending > 0) {
            line.append("; ").append(pending).append(pending == 1 ? " row changed" : " rows changed")
                    .append(" on the source since the last sync, pending");
        }
        if (lastDelta != null) {
            long keys = lastDelta.keyCount();
            line.append("; fast: row counts of every table, ").append(keys).append(keys == 1 ? " row" : " rows")
                    .append(" the last delta touched compared by key");
        }
        for (String note : notes) {
            line.append("; ").append(note);
        }
        return line.toString();
    }
}
