package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.remote.Bounds;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.internal.copy.LostConnection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A binlog delta's failures named for what happened: which of its three connections (the source's binlog
 * stream, the source's metadata read, the target's apply) was lost or went silent, at which binlog
 * position, and where the next delta resumes; transient, the driver's or the replication client's failure
 * attached as the cause, and at most the first line of a server's own words in the message.
 */
final class DeltaFailures {
    /** Killed by KILL, server shutdown, server gone away, lost during a query. */
    private static final Set<Integer> LOST_CODES = Set.of(1927, 1053, 2006, 2013);

    /** The delta's connections, as a message names them. */
    enum Link {
        SOURCE_STREAM("the source binlog stream connection to"),
        SOURCE_METADATA("the source metadata read connection to"),
        TARGET_APPLY("the target apply connection to");

        private final String words;

        Link(String words) {
            this.words = words;
        }
    }

    /** A failure of the source's metadata read (a table's definition), told apart from the target's. */
    static final class MetadataReadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        MetadataReadFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sql() {
            return (SQLException) getCause();
        }
    }

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;

    DeltaFailures(String name, DbEndpoint from, DbEndpoint to) {
        this.name = name;
        this.from = from;
        this.to = to;
    }

    /**
     * The read's failure as the migration should see it.
     *
     * @param at the position of the last event read
     * @param resume where the next delta starts: the last checkpoint, or the cursor this one began from
     * @param began the cursor this delta began from
     * @param table the table being applied, or null
     */
    MigrationException of(BinlogReader.ReadFailure e, BinlogPosition at, BinlogPosition resume, BinlogPosition began,
            String table, Connection read, Connection write) {
        Throwable cause = e.getCause();
        if (cause instanceof MigrationException m) {
            return m;
        }
        if (cause instanceof MetadataReadFailure m) {
            return LostConnection.isLost(m.sql(), read) ? lost(Link.SOURCE_METADATA, at, resume, began, m.sql())
                    : Sql.failure("read the definition of a table for the binlog delta (" + name + ")", from, table,
                    m.sql());
        }
        if (cause instanceof SQLException s) {
            return LostConnection.isLost(s, write) ? lost(Link.TARGET_APPLY, at, resume, began, s)
                    : Sql.failure("apply binlog row events (" + name + ")", to, table, s);
        }
        if (cause instanceof RuntimeException r && LostConnection.closed(write)) {
            return lost(Link.TARGET_APPLY, at, resume, began, r);
        }
        if (cause instanceof ServerException s && s.getErrorCode() == 1236) {
            return MigrationException.permanent("binlog delta (" + name + ") from " + began + ": " + from.where()
                    + " refused to send its binary log (" + s.getMessage() + "); if the file was purged, run a full sync"
                    + " (or the checksum fallback)", s);
        }
        boolean silent = cause instanceof TimeoutException
                || cause instanceof IOException && !(cause instanceof ServerException);
        if (e.idle() || !e.connected() && silent) {
            String what = e.idle() ? "sent nothing at " + at + " for " + Bounds.describe(from.readIdleTimeout())
                    + " (the endpoint's read-idle timeout)"
                    : "could not be opened within " + Bounds.describe(from.connectTimeout()) + " (the endpoint's connect"
                    + " timeout) or was closed while logging in";
            return MigrationException.retryable("binlog delta (" + name + "): " + Link.SOURCE_STREAM.words + " "
                    + from.where() + " " + what + "; " + resumes(resume, began), e);
        }
        if (streamLost(cause)) {
            return lost(Link.SOURCE_STREAM, at, resume, began, e);
        }
        boolean transientFailure = cause == null || cause instanceof IOException || cause instanceof TimeoutException;
        return MigrationException.of(e.getMessage() + (transientFailure ? "; try again" : ""), e, transientFailure);
    }

    /** The failure of the last commit, after the whole stream was read. */
    MigrationException commit(SQLException e, BinlogPosition at, BinlogPosition resume, BinlogPosition began,
            Connection write) {
        return LostConnection.isLost(e, write) ? lost(Link.TARGET_APPLY, at, resume, began, e)
                : Sql.failure("commit the binlog delta (" + name + ")", to, null, e);
    }

    private MigrationException lost(Link link, BinlogPosition at, BinlogPosition resume, BinlogPosition began,
            Throwable cause) {
        DbEndpoint endpoint = link == Link.TARGET_APPLY ? to : from;
        return MigrationException.retryable("binlog delta (" + name + "): " + link.words + " " + endpoint.where()
                + " was lost at " + at + "; " + resumes(resume, began), cause);
    }

    private static String resumes(BinlogPosition resume, BinlogPosition began) {
        return "it will resume from " + resume + (resume.equals(began) ? ", where this delta began"
                : ", the end of its last committed batch");
    }

    private static boolean streamLost(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException && !(t instanceof ServerException)) {
                return true;
            }
            if (t instanceof ServerException s && LOST_CODES.contains(s.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
