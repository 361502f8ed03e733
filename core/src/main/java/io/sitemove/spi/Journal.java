package io.sitemove.spi;

import java.util.List;

/**
 * Where a migration's progress survives a crash, a restart or a pause of days. Every append must
 * be durable when it returns, and a torn write must never leave a journal that cannot be read.
 *
 * @see io.sitemove.journal.DirectoryJournal
 * @see io.sitemove.journal.JdbcJournal
 */
public interface Journal {
    /** All entries of the site's migration, in order; empty when it has none. */
    List<JournalEntry> read(String site);

    /** Appends one entry durably. Its {@code seq} is one more than the last entry's. */
    void append(String site, JournalEntry entry);

    /**
     * Takes the site's lease for {@code holder}, or refuses at once with
     * {@link io.sitemove.journal.LeaseHeldException} naming the runner that holds it. One runner per site:
     * the engine takes the lease when an operation starts and checks it before every step.
     *
     * @param takeOver take the lease even from a holder that has not released it or let it expire (the
     *     caller knows that holder is dead); a journal whose leases end with their process may refuse a
     *     holder that is still alive all the same
     */
    JournalLease lease(String site, LeaseHolder holder, boolean takeOver);
}
