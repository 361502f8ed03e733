package io.sitemove.journal;

import io.sitemove.Phase;
import io.sitemove.internal.SiteNames;
import io.sitemove.journal.internal.RowLease;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.Journal;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Keeps journals in a table of a MySQL/MariaDB schema that the panel owns, one row per entry,
 * keyed by (site, seq). Each append is one committed INSERT; a second process appending the same
 * sequence number fails on the primary key instead of interleaving.
 *
 * <pre>{@code
 * Journal journal = new JdbcJournal(panelDataSource, "sitemove_journal");
 * }</pre>
 */
public final class JdbcJournal implements Journal {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,57}");
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final String table;
    private final String leaseTable;
    private final Duration leaseTtl;

    /**
     * A journal in {@code table}, created if missing.
     *
     * @param table a plain table name (letters, digits, underscore), in the data source's default schema
     */
    public JdbcJournal(DataSource dataSource, String table) {
        this(dataSource, table, DEFAULT_LEASE);
    }

    /**
     * A journal in {@code table}, its leases in {@code <table>_lease}, both created if missing.
     *
     * @param table a plain table name (letters, digits, underscore, up to 58), in the data source's default schema
     * @param leaseTtl how long a runner's lease lasts without renewal (it is renewed every third of that while
     *     held): how soon a dead runner's site can be taken by another; 2 minutes unless given
     */
    public JdbcJournal(DataSource dataSource, String table, Duration leaseTtl) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource cannot be null");
        Objects.requireNonNull(table, "table cannot be null");
        Objects.requireNonNull(leaseTtl, "leaseTtl cannot be null");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table name '" + table + "' must be 1 to 58 letters, digits and underscores");
        }
        if (leaseTtl.toMillis() < 300) {
            throw new IllegalArgumentException("leaseTtl must be at least 300 ms, was " + leaseTtl);
        }
        this.table = "`" + table + "`";
        this.leaseTable = "`" + table + "_lease`";
        this.leaseTtl = leaseTtl;
        createTable();
    }

    private void createTable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "site VARCHAR(100) NOT NULL, seq BIGINT NOT NULL, at_micros BIGINT NOT NULL,"
                    + " kind VARCHAR(40) NOT NULL, phase VARCHAR(40) NOT NULL, step VARCHAR(255) NOT NULL,"
                    + " data MEDIUMTEXT NOT NULL, PRIMARY KEY (site, seq)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            RowLease.createTable(c, leaseTable);
        } catch (SQLException e) {
            throw new JournalException("journal table " + table + " cannot be created: " + e.getMessage(), e);
        }
    }

    @Override
    public List<JournalEntry> read(String site) {
        SiteNames.check(site);
        String sql = "SELECT seq, at_micros, kind, phase, step, data FROM " + table + " WHERE site = ? ORDER BY seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long micros = rs.getLong(2);
                    EntryKind kind = EntryKind.valueOf(rs.getString(3));
                    String step = rs.getString(5);
                    entries.add(new JournalEntry(rs.getLong(1),
                            Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                            kind, Phase.valueOf(rs.getString(4)), step, JournalCodec.dataFromJson(rs.getString(6), kind, step)));
                }
            }
            return entries;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            throw new JournalException("journal of '" + site + "' in " + table + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void append(String site, JournalEntry entry) {
        SiteNames.check(site);
        String sql = "INSERT INTO " + table + " (site, seq, at_micros, kind, phase, step, data) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long last = lastSeq(c, site);
            if (entry.seq() != last + 1) {
                throw JournalException.outOfSequence(table, site, last, entry.seq());
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, site);
                ps.setLong(2, entry.seq());
                ps.setLong(3, entry.at().getEpochSecond() * 1_000_000L + entry.at().getNano() / 1000);
                ps.setString(4, entry.kind().name());
                ps.setString(5, entry.phase().name());
                ps.setString(6, entry.step());
                ps.setString(7, JournalCodec.dataToJson(entry.data()));
                ps.executeUpdate();
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new JournalException("entry " + entry.seq() + " of '" + site
                    + "' was written by someone else meanwhile: is another process running this migration?", e);
        } catch (SQLException e) {
            throw new JournalException("journal of '" + site + "' in " + table + " cannot be written: " + e.getMessage(), e);
        }
    }

    private long lastSeq(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM " + table + " WHERE site = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Takes the site's lease: a row in {@code <table>_lease} that expires unless renewed, which it is while held. */
    @Override
    public JournalLease lease(String site, LeaseHolder holder, boolean takeOver) {
        return RowLease.take(dataSource, leaseTable, SiteNames.check(site), holder, leaseTtl, takeOver);
    }

    @Override
    public String toString() {
        return "JdbcJournal[" + table + "]";
    }
}
