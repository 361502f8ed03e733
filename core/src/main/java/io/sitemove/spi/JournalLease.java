package io.sitemove.spi;

/**
 * A runner's hold on a site's journal: while it is held no other runner, in this process or another,
 * on this machine or another, can run the site's steps. Taken when an operation starts, checked before
 * every step, released when the operation ends.
 */
public interface JournalLease extends AutoCloseable {
    /** Who holds it. */
    LeaseHolder holder();

    /**
     * Throws {@link io.sitemove.journal.LeaseLostException} when this lease is no longer held (taken over
     * after it expired, or by an explicit take-over); returns quietly while it is.
     */
    void check();

    /** Releases the lease; releasing twice does nothing. */
    @Override
    void close();
}
