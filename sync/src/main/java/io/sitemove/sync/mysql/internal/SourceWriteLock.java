package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.SourceLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the source database read-only for the site's own database account, durably (a read lock
 * dies with its session): revokes that account's write privileges on the database and ends its
 * open sessions, whose privileges would otherwise outlive the revocation. {@link #restore} grants
 * back, for a rollback, exactly the privileges this object revoked.
 */
public final class SourceWriteLock {
    /** The privileges taken away; they are what the site needs to write and to change its schema. */
    public static final List<String> WRITE_PRIVILEGES = List.of("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER");
    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (\\S+) TO ", Pattern.CASE_INSENSITIVE);

    private final String user;
    private final String host;
    private final Set<String> revokedHere = new LinkedHashSet<>();
    private boolean lockedHere;

    /** The account, {@code user@host}. */
    public SourceWriteLock(String account) {
        Objects.requireNonNull(account, "applicationUser cannot be null");
        int at = account.lastIndexOf('@');
        if (at <= 0 || at == account.length() - 1 || account.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("applicationUser '" + account + "' must be user@host, e.g. wp@localhost");
        }
        this.user = account.substring(0, at);
        this.host = account.substring(at + 1);
    }

    /** {@code 'user'@'host'} as SQL writes an account. */
    public String account() {
        return Sql.account(user, host);
    }

    /** Revokes the write privileges the account holds on the database and ends its sessions; says what it did. */
    public SourceLock lock(Connection c, DbEndpoint endpoint) throws SQLException {
        Set<String> global = new LinkedHashSet<>();
        Set<String> onDatabase = new LinkedHashSet<>();
        readGrants(c, endpoint, global, onDatabase);
        List<String> globalWrites = held(global);
        if (!globalWrites.isEmpty()) {
            throw MigrationException.permanent("cannot make " + endpoint.where() + " read-only for " + account()
                    + ": it holds " + globalWrites + " on *.* (every database), which a database-level revoke does not"
                    + " remove; grant it privileges on " + Sql.quote(endpoint.database()) + ".* only, or stop the site's"
                    + " writes another way and build the syncer with lockSourceForFinal(false)");
        }
        List<String> revoked = held(onDatabase);
        if (!revoked.isEmpty()) {
            Sql.execute(c, "REVOKE " + String.join(", ", revoked) + " ON " + Sql.quote(endpoint.database()) + ".* FROM "
                    + account());
        }
        synchronized (this) {
            lockedHere = true;
            revokedHere.addAll(revoked);
        }
        int ended = endSessions(c);
        return new SourceLock(SourceLock.Action.REVOKED, account(), endpoint.database(), revoked, ended, "");
    }

    /** Sorts the privileges {@code SHOW GRANTS} lists for the account into those on every database and on this one. */
    private void readGrants(Connection c, DbEndpoint endpoint, Set<String> global, Set<String> onDatabase)
            throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS FOR " + account())) {
            while (rs.next()) {
                Matcher m = GRANT.matcher(rs.getString(1));
                if (!m.find()) {
                    continue;
                }
                String scope = m.group(2).replace("\\_", "_").replace("\\%", "%");
                Set<String> into = scope.equals("*.*") ? global
                        : scope.equals(Sql.quote(endpoint.database()) + ".*") ? onDatabase : null;
                if (into != null) {
                    for (String privilege : m.group(1).split(",")) {
                        into.add(privilege.strip().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    /** Ends the account's open sessions, whose privileges would outlive the revocation; returns how many. */
    private int endSessions(Connection c) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?"
                + " AND ID <> CONNECTION_ID()")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(rs.getLong(1));
                }
            }
        }
        int ended = 0;
        for (long id : sessions) {
            try {
                Sql.execute(c, "KILL CONNECTION " + id);
                ended++;
            } catch (SQLException e) {
                if (e.getErrorCode() != 1094) {
                    throw e;
                }
            }
        }
        return ended;
    }

    /**
     * Grants back the write privileges {@link #lock} revoked (those of every lock since the last
     * restore, a retried lock finding none left to revoke); says what it did. When this object made
     * no lock (the process that did has ended), it grants every write privilege and says so.
     */
    public SourceLock restore(Connection c, DbEndpoint endpoint) throws SQLException {
        List<String> privileges;
        boolean known;
        synchronized (this) {
            known = lockedHere;
            privileges = known ? WRITE_PRIVILEGES.stream().filter(revokedHere::contains).toList() : WRITE_PRIVILEGES;
        }
        if (privileges.isEmpty()) {
            forget();
            return new SourceLock(SourceLock.Action.GRANTED, account(), endpoint.database(), List.of(), 0,
                    "it held no write privilege on " + Sql.quote(endpoint.database())
                    + ".* when the final sync made the source read-only");
        }
        Sql.execute(c, "GRANT " + String.join(", ", privileges) + " ON " + Sql.quote(endpoint.database()) + ".* TO "
                + account());
        forget();
        return new SourceLock(SourceLock.Action.GRANTED, account(), endpoint.database(), privileges, 0, known ? ""
                : "every write privilege: the final sync that revoked them ran in another process, so which the"
                + " account held is not known here; check its grants");
    }

    private synchronized void forget() {
        lockedHere = false;
        revokedHere.clear();
    }

    private static List<String> held(Set<String> privileges) {
        if (privileges.contains("ALL PRIVILEGES") || privileges.contains("ALL")) {
            return WRITE_PRIVILEGES;
        }
        return WRITE_PRIVILEGES.stream().filter(privileges::contains).toList();
    }
}
