package io.sitemove.verify.internal.tree;

import java.time.Instant;
import java.util.Optional;

/** The one line a tree verification says: counts of entries, and of those pending. */
final class TreeSummary {
    private TreeSummary() {
    }

    /**
     * "9 entries identical under ...", "2 of 9 entries differ under ...", with ", 1 of them pending:
     * changed on the source since the last sync started at ..." when some are.
     */
    static String of(TreeComparison.Tally tally, int entries, String scope, Optional<Instant> since) {
        if (tally.differing() == 0) {
            return entries + " entries identical " + scope;
        }
        String line = tally.differing() + " of " + entries + " entries differ " + scope;
        if (tally.pending() == 0) {
            return line;
        }
        String of = tally.pending() == tally.differing() ? (tally.pending() == 1 ? "it" : "all of them")
                : tally.pending() + " of them";
        return line + ", " + of + " pending: changed on the source since the last sync started"
                + since.map(at -> " at " + at).orElse("");
    }
}
