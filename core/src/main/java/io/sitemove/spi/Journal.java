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
}
