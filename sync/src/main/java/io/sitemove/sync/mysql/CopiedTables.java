package io.sitemove.sync.mysql;

import java.util.List;

/**
 * Which base tables a sync wrote in full on the receiving side, and what it found there that the sending
 * side does not have.
 *
 * @param copied the tables copied or repaired, by name, sorted
 * @param inSource how many base tables the sending database has
 * @param onlyOnTarget the receiving database's tables the sending one does not have
 * @param droppedOnlyOnTarget whether those were dropped ({@link MySqlSyncer.Builder#dropMissingTables(boolean)})
 *     rather than left in place
 */
public record CopiedTables(List<String> copied, int inSource, List<String> onlyOnTarget, boolean droppedOnlyOnTarget) {
    private static final CopiedTables NONE = new CopiedTables(List.of(), 0, List.of(), false);

    public CopiedTables {
        copied = List.copyOf(copied);
        onlyOnTarget = List.copyOf(onlyOnTarget);
    }

    /** No table copied, none found only on the receiving side. */
    public static CopiedTables none() {
        return NONE;
    }

    /** One line for a report. */
    public String summary() {
        String line = copied.size() + " of " + inSource + " tables copied";
        if (!onlyOnTarget.isEmpty()) {
            line += "; " + (droppedOnlyOnTarget ? "dropped " : "left ") + onlyOnTarget.size()
                    + " the source does not have " + onlyOnTarget;
        }
        return line;
    }
}
