package io.sitemove.sync.files.internal;

import io.sitemove.ChangeRefusedException;

/**
 * Refuses a sync that would delete most of the receiving tree, before anything is changed: more than
 * {@link #MAX_SHARE} of its entries, or all of them because the sending tree is empty (a wrong or
 * unmounted root). {@code allowMassDeletion(true)} lets such a sync through.
 */
final class DeletionGuard {
    /** The share of the receiving tree a sync may delete without {@link #OVERRIDE}. */
    static final double MAX_SHARE = 0.30;
    /** How the builder allows a larger deletion. */
    static final String OVERRIDE = "allowMassDeletion(true)";

    private DeletionGuard() {
    }

    /** Throws when the plan deletes more than the guard allows, unless {@code allowed}. */
    static void check(DeltaPlan plan, RemoteTree sender, RemoteTree receiver, boolean allowed) {
        if (allowed || plan.vanished() == 0) {
            return;
        }
        if (plan.send().isEmpty() && plan.vanished() == plan.receiverEntries()) {
            throw ChangeRefusedException.tooLarge("delete all " + plan.receiverEntries() + " entries of "
                    + receiver.where() + ", since " + sender.where() + " is empty (is it the right directory, and"
                    + " mounted?)", plan.vanished(), plan.receiverEntries(), MAX_SHARE, OVERRIDE);
        }
        if (plan.vanished() > MAX_SHARE * plan.receiverEntries()) {
            throw ChangeRefusedException.tooLarge("delete " + plan.vanished() + " of " + plan.receiverEntries()
                    + " entries of " + receiver.where() + " that " + sender.where() + " does not have (check that it"
                    + " is the right directory)", plan.vanished(), plan.receiverEntries(), MAX_SHARE, OVERRIDE);
        }
    }
}
