package io.sitemove.journal;

import io.sitemove.MigrationException;
import io.sitemove.spi.LeaseHolder;
import java.util.Optional;

/**
 * Another runner holds the site's journal lease: this one was refused at once, having done nothing.
 * Permanent for this runner: wait for the other to finish, or, when it is known to be dead, take the
 * lease over ({@link io.sitemove.Migration#takeOverLease()}).
 */
public final class LeaseHeldException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient LeaseHolder holder;

    private LeaseHeldException(String reason, LeaseHolder holder) {
        super(reason, null, false);
        this.holder = holder;
    }

    /** The journal at {@code where} is held by {@code holder}, or by a holder that could not be read. */
    public static LeaseHeldException heldBy(String site, Object where, LeaseHolder holder) {
        return new LeaseHeldException("the migration of '" + site + "' is being run by "
                + (holder == null ? "another runner (its details could not be read)" : holder.toString())
                + ", which holds the lease of " + where + "; nothing was done: wait for it to finish, or stop it;"
                + " take the lease over only when that runner is known to be dead", holder);
    }

    /** The holder, when it could be read. */
    public Optional<LeaseHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
