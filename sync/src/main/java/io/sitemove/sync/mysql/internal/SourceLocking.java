package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.SourceLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final sync's lock on the source database: before the last delta the site's own account loses its
 * write privileges there ({@link SourceWriteLock}); after a REVERSE sync (a rollback) it gets them back.
 */
final class SourceLocking {
    private static final Logger LOG = LoggerFactory.getLogger(SourceLocking.class);

    private final String name;
    private final DbEndpoint source;
    private final SourceWriteLock account;
    private final boolean lockForFinal;

    /**
     * @param account the site's account, or null when none was given
     * @param lockForFinal whether a FINAL sync locks the source
     */
    SourceLocking(String name, DbEndpoint source, SourceWriteLock account, boolean lockForFinal) {
        this.name = name;
        this.source = source;
        this.account = account;
        this.lockForFinal = lockForFinal;
    }

    /** Makes the source read-only for the site's account, or says why it was left writable. */
    SourceLock lock() {
        if (!lockForFinal || account == null) {
            String why = lockForFinal ? "no applicationUser(...) was given" : "lockSourceForFinal is off";
            LOG.warn("{}: FINAL sync: {} was not made read-only ({})", name, source.where(), why);
            return new SourceLock(SourceLock.Action.NOT_LOCKED, account == null ? "" : account.account(),
                    source.database(), List.of(), 0, why + "; the source database accepts writes");
        }
        try (Connection c = Sql.open(source, false)) {
            SourceLock done = account.lock(c, source);
            LOG.info("{}: source {} made read-only for the site: {}", name, source.where(), done.summary());
            return done;
        } catch (SQLException e) {
            throw Sql.failure("make the source read-only for " + account.account() + " (" + name + ")", source, null, e);
        }
    }

    /** Gives the site's account its write privileges back; null when the final sync locks nothing. */
    SourceLock unlock() {
        if (!lockForFinal || account == null) {
            return null;
        }
        try (Connection c = Sql.open(source, false)) {
            SourceLock done = account.restore(c, source);
            LOG.info("{}: source {} writable again for the site: {}", name, source.where(), done.summary());
            return done;
        } catch (SQLException e) {
            throw Sql.failure("give " + account.account() + " its write privileges back (" + name + ")", source, null,
                    e);
        }
    }
}
