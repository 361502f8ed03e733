package io.sitemove.journal.internal;

import io.sitemove.journal.JournalException;
import io.sitemove.journal.LeaseHeldException;
import io.sitemove.journal.LeaseLostException;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A site's lease as a row in a table beside the journal's, with an expiry the database's own clock
 * keeps: taken in a transaction that locks the row, renewed while held (every third of its time to
 * live), and given up when released. A holder that died stops renewing, so its lease can be taken once
 * it has expired, or at once by a take-over.
 */
public final class RowLease implements JournalLease {
    private final DataSource dataSource;
    private final String table;
    private final String site;
    private final LeaseHolder holder;
    private final String token;
    private final Duration ttl;
    private final ScheduledExecutorService renewer;
    private volatile String lostBecause;
    private boolean closed;

    private RowLease(DataSource dataSource, String table, String site, LeaseHolder holder, String token, Duration ttl) {
        this.dataSource = dataSource;
        this.table = table;
        this.site = site;
        this.holder = holder;
        this.token = token;
        this.ttl = ttl;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitemove-lease-" + site);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Creates the lease table when missing. */
    public static void createTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (site VARCHAR(100) NOT NULL PRIMARY KEY,"
                    + " token VARCHAR(64) NOT NULL, owner VARCHAR(255) NOT NULL, host VARCHAR(255) NOT NULL,"
                    + " pid BIGINT NOT NULL, since DATETIME(6) NOT NULL, expires DATETIME(6) NOT NULL)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    /** Takes the site's lease, or refuses naming the live holder. */
    public static RowLease take(DataSource dataSource, String table, String site, LeaseHolder holder, Duration ttl,
            boolean takeOver) {
        String token = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LeaseHolder live = liveHolder(c, table, site);
                if (live != null && !takeOver) {
                    c.rollback();
                    throw LeaseHeldException.heldBy(site, table, live);
                }
                write(c, table, site, holder, token, ttl);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("the lease of '" + site + "' in " + table + " cannot be taken: " + e.getMessage(), e);
        }
        return new RowLease(dataSource, table, site, holder, token, ttl);
    }

    private static LeaseHolder liveHolder(Connection c, String table, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, host, pid, since, expires > UTC_TIMESTAMP(6) FROM "
                + table + " WHERE site = ? FOR UPDATE")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(5)) {
                    return null;
                }
                return new LeaseHolder(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC));
            }
        }
    }

    private static void write(Connection c, String table, String site, LeaseHolder h, String token, Duration ttl)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("REPLACE INTO " + table + " (site, token, owner, host, pid, since,"
                + " expires) VALUES (?, ?, ?, ?, ?, ?, TIMESTAMPADD(MICROSECOND, ?, UTC_TIMESTAMP(6)))")) {
            ps.setString(1, site);
            ps.setString(2, token);
            ps.setString(3, h.owner());
            ps.setString(4, h.host());
            ps.setLong(5, h.pid());
            ps.setTimestamp(6, java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(h.since(), java.time.ZoneOffset.UTC)));
            ps.setLong(7, ttl.toNanos() / 1000);
            ps.executeUpdate();
        }
    }

    private void renew() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE " + table
                + " SET expires = TIMESTAMPADD(MICROSECOND, ?, UTC_TIMESTAMP(6)) WHERE site = ? AND token = ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, ttl.toNanos() / 1000);
            ps.setString(2, site);
            ps.setString(3, token);
            if (ps.executeUpdate() == 0) {
                lostBecause = "another runner took it over";
                renewer.shutdown();
            }
        } catch (SQLException e) {
            // the next renewal tries again; check() tells the engine when the lease is really gone
        }
    }

    @Override
    public LeaseHolder holder() {
        return holder;
    }

    @Override
    public synchronized void check() {
        if (closed) {
            throw LeaseLostException.lost(table, holder, "released");
        }
        if (lostBecause != null) {
            throw LeaseLostException.lost(table, holder, lostBecause);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT token = ?"
                + " AND expires > UTC_TIMESTAMP(6) FROM " + table + " WHERE site = ?")) {
            ps.setString(1, token);
            ps.setString(2, site);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw LeaseLostException.lost(table, holder, "it expired or was taken over");
                }
            }
        } catch (SQLException e) {
            throw new JournalException("the lease of '" + site + "' in " + table + " cannot be checked: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        renewer.shutdownNow();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                + " WHERE site = ? AND token = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, site);
            ps.setString(2, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            // the lease expires by itself
        }
    }
}
