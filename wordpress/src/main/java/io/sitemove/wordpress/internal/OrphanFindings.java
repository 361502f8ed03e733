package io.sitemove.wordpress.internal;

import io.sitemove.spi.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orphaned rows on the target, each compared with the source: an orphan the source has too (same row,
 * same reference) was there before the migration and is INFO; one the source does not have is BLOCKING.
 * At most {@code maxListed} of each kind are listed per reference, then one finding counts the rest.
 */
public final class OrphanFindings {
    private static final String CHECK = "orphan";

    private final int maxListed;

    /** @param maxListed the most orphans of each kind listed per reference */
    public OrphanFindings(int maxListed) {
        this.maxListed = maxListed;
    }

    /** Adds the findings of every reference read on the target; returns how many orphans the migration made. */
    public long compare(DatabaseSnapshot source, DatabaseSnapshot target, List<Finding> findings) {
        long made = 0;
        for (var entry : target.orphans().entrySet()) {
            Orphans onSource = source.orphans().get(entry.getKey());
            made += compare(entry.getKey(), entry.getValue(), onSource, target.tables(), source.tables(), findings);
        }
        return made;
    }

    private long compare(Relation relation, Orphans onTarget, Orphans onSource, WpTables tables, WpTables sourceTables,
            List<Finding> findings) {
        if (onTarget.count() == 0) {
            return 0;
        }
        Set<String> sourceIds = new HashSet<>();
        if (onSource != null) {
            onSource.first().forEach(o -> sourceIds.add(o.identity()));
        }
        int listedNew = 0;
        int listedOld = 0;
        long made = 0;
        long before = 0;
        for (Orphan orphan : onTarget.first()) {
            if (sourceIds.contains(orphan.identity())) {
                before++;
                if (listedOld++ < maxListed) {
                    findings.add(new Finding(CHECK, orphan.subject(tables), orphan.missing(tables),
                            "no such row, already on the source " + sourceTables.name(relation.child()),
                            Finding.Severity.INFO, "", false));
                }
            } else {
                made++;
                if (listedNew++ < maxListed) {
                    findings.add(Finding.blocking(CHECK, orphan.subject(tables), orphan.missing(tables),
                            "no such row on the target (the source has the reference intact)",
                            "sync the database again; if it stays, compare this row on both servers"));
                }
            }
        }
        summarise(relation, tables, made - Math.min(made, maxListed), before - Math.min(before, maxListed), findings);
        long unread = onTarget.count() - onTarget.first().size();
        if (unread > 0) {
            made += unread;
            findings.add(Finding.blocking(CHECK, tables.name(relation.child()), "no rows breaking "
                    + relation.describe(tables), unread + " more orphaned " + rows(unread) + ", not compared with the"
                    + " source", "repair the references on the target, then verify again"));
        }
        return made;
    }

    private static void summarise(Relation relation, WpTables tables, long moreNew, long moreOld,
            List<Finding> findings) {
        if (moreNew > 0) {
            findings.add(Finding.blocking(CHECK, tables.name(relation.child()), "no rows breaking "
                    + relation.describe(tables), moreNew + " more orphaned " + rows(moreNew) + " not listed",
                    "sync the database again"));
        }
        if (moreOld > 0) {
            findings.add(Finding.info(CHECK, tables.name(relation.child()), moreOld + " more orphaned " + rows(moreOld)
                    + " breaking " + relation.describe(tables) + ", already on the source"));
        }
    }

    static String rows(long n) {
        return n == 1 ? "row" : "rows";
    }
}
