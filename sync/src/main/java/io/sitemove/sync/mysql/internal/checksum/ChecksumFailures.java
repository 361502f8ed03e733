package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.internal.copy.LostConnection;
import java.sql.SQLException;

/**
 * A checksum delta's SQL failures: a lost connection (killed, server gone, network cut) named as such,
 * which side, which table, and what happens next, transient, with only the first line of the driver's
 * words; any other failure as {@link Sql#failure} says it.
 */
final class ChecksumFailures {
    private ChecksumFailures() {
    }

    /**
     * The failure of {@code doing} (e.g. "hashing a key range of") a table of {@code endpoint}.
     *
     * @param what what could not be done, for a failure that is not a lost connection
     * @param side "source" or "target"
     * @param table the table, or null
     */
    static MigrationException of(String name, String what, String doing, DbEndpoint endpoint, String side,
            String table, SQLException e) {
        if (!LostConnection.isLost(e)) {
            return Sql.failure(what + " (" + name + ")", endpoint, table, e);
        }
        return MigrationException.retryable("the connection to the " + side + " database " + endpoint.where()
                + " was lost while " + doing + (table == null ? " its tables" : " table " + Sql.quote(table)) + " ("
                + name + "); the checksum delta stopped there; tried again, it"
                + " compares both sides afresh and replaces what still differs, so nothing is applied twice", e);
    }
}
