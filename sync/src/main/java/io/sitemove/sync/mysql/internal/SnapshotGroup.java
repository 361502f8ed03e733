package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.MigrationException;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several connections to the sending database that see the same consistent snapshot, with the
 * binlog position that belongs to it. They open their snapshots under a brief
 * {@code FLUSH TABLES WITH READ LOCK} (with a low {@code lock_wait_timeout}), the position is read
 * under the lock ({@code SHOW BINARY LOG STATUS} or {@code SHOW MASTER STATUS}), then the lock is
 * released. One connection on MariaDB needs no lock: its snapshot reports its own position
 * ({@code binlog_snapshot_file}/{@code _position}); that is also the fallback when the account may
 * not take the lock (no RELOAD privilege).
 */
public final class SnapshotGroup implements AutoCloseable {
    private static final int ACCESS_DENIED = 1227;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final List<Connection> readers;
    private final Optional<BinlogPosition> binlogPosition;
    private final long lockMillis;
    private final String how;

    private SnapshotGroup(List<Connection> readers, Optional<BinlogPosition> binlogPosition, long lockMillis, String how) {
        this.readers = List.copyOf(readers);
        this.binlogPosition = binlogPosition;
        this.lockMillis = lockMillis;
        this.how = how;
    }

    /** Opens up to {@code wanted} connections in one snapshot; fewer (one) when the lock is refused. */
    public static SnapshotGroup open(DbEndpoint from, int wanted, Duration lockWait) {
        List<Connection> readers = new ArrayList<>();
        try {
            for (int i = 0; i < wanted; i++) {
                Connection c = Sql.open(from, true);
                readers.add(c);
                prepare(c);
            }
            boolean mariaDb = Sql.single(readers.get(0), "SELECT VERSION()").contains("MariaDB");
            if (wanted == 1 && mariaDb) {
                return single(readers, "one snapshot, its binlog position from binlog_snapshot_file/position");
            }
            try (Connection control = Sql.open(from, false)) {
                Sql.execute(control, "SET SESSION lock_wait_timeout = " + Math.max(1, lockWait.toSeconds()));
                try {
                    Sql.execute(control, "FLUSH TABLES WITH READ LOCK");
                } catch (SQLException e) {
                    if (e.getErrorCode() == ACCESS_DENIED && mariaDb) {
                        return single(readers, "one snapshot and a serial copy: FLUSH TABLES WITH READ LOCK was refused"
                                + " (" + e.getMessage() + "); grant RELOAD to " + from.user() + " for a parallel copy");
                    }
                    if (e.getErrorCode() == ACCESS_DENIED) {
                        throw MigrationException.permanent("could not take FLUSH TABLES WITH READ LOCK on "
                                + from.where() + " to read a consistent binlog position: " + e.getMessage()
                                + "; grant RELOAD to " + from.user(), e);
                    }
                    if (e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                        throw MigrationException.retryable("could not take FLUSH TABLES WITH READ LOCK on "
                                + from.where() + " within " + lockWait.toSeconds() + " s: a long query or a table lock"
                                + " holds a table (see SHOW PROCESSLIST); nothing was locked; try again when it"
                                + " has finished", e);
                    }
                    throw e;
                }
                long locked = System.nanoTime();
                Optional<BinlogPosition> position;
                try {
                    for (Connection c : readers) {
                        Sql.execute(c, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
                    }
                    position = binaryLogStatus(control, mariaDb);
                } finally {
                    Sql.execute(control, "UNLOCK TABLES");
                }
                long millis = (System.nanoTime() - locked) / 1_000_000;
                return new SnapshotGroup(readers, position, millis, readers.size()
                        + " snapshots opened under FLUSH TABLES WITH READ LOCK, held " + millis + " ms");
            }
        } catch (SQLException e) {
            closeAll(readers);
            throw Sql.failure("open a consistent snapshot", from, null, e);
        } catch (RuntimeException e) {
            closeAll(readers);
            throw e;
        }
    }

    private static SnapshotGroup single(List<Connection> readers, String how) throws SQLException {
        closeAll(readers.subList(1, readers.size()));
        Connection c = readers.get(0);
        Sql.execute(c, "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        return new SnapshotGroup(List.of(c), snapshotPosition(c), -1, how);
    }

    private static void prepare(Connection c) throws SQLException {
        Sql.execute(c, "SET SESSION time_zone = '+00:00'");
        Sql.execute(c, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        c.setAutoCommit(false);
    }

    private static Optional<BinlogPosition> binaryLogStatus(Connection c, boolean mariaDb) throws SQLException {
        if (!mariaDb) {
            try {
                return position(c, "SHOW BINARY LOG STATUS");
            } catch (SQLException e) {
                if (e.getErrorCode() != 1064) {
                    throw e;
                }
            }
        }
        return position(c, "SHOW MASTER STATUS");
    }

    private static Optional<BinlogPosition> position(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next() || rs.getString(1) == null || rs.getString(1).isEmpty()) {
                return Optional.empty();
            }
            return BinlogPosition.parse(rs.getString(1) + ":" + rs.getLong(2));
        }
    }

    private static Optional<BinlogPosition> snapshotPosition(Connection c) throws SQLException {
        String file = null;
        String position = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
            while (rs.next()) {
                if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_file")) {
                    file = rs.getString(2);
                } else if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_position")) {
                    position = rs.getString(2);
                }
            }
        }
        return file == null || file.isEmpty() || position == null ? Optional.empty()
                : BinlogPosition.parse(file + ":" + position);
    }

    /** The connections, each in a REPEATABLE READ transaction on the same snapshot. */
    public List<Connection> readers() {
        return readers;
    }

    /** The binlog position of the snapshot; empty when the server keeps no binary log. */
    public Optional<BinlogPosition> binlogPosition() {
        return binlogPosition;
    }

    /** How long the read lock was held, in milliseconds; -1 when none was taken. */
    public long lockMillis() {
        return lockMillis;
    }

    /** How the snapshot was taken, for the report. */
    public String how() {
        return how;
    }

    /** Ends the snapshot transactions and closes the connections. */
    @Override
    public void close() {
        closeAll(readers);
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a read-only snapshot: nothing to keep
            }
        }
    }
}
