package io.sitemove.sync.mysql;

import java.util.List;

/**
 * What a checksum delta found by comparing primary-key ranges.
 *
 * @param tablesCompared tables compared range by range (those with a primary key and the same definition)
 * @param rangesCompared key ranges counted and hashed on both sides
 * @param rangesDiffering ranges that differed and were replaced
 * @param rowsCopied rows loaded into the replaced ranges
 * @param rowsDeleted rows the receiving side held in them whose key the sending side no longer has
 * @param rangesReplacedTogether ranges replaced together with their table's others in one transaction, after a
 *     unique key value moved between ranges or two workers' locks met
 * @param tablesRecopiedWhole tables copied whole instead (missing, defined differently, without a primary key
 *     and changed, or given up)
 * @param tablesGivenUpToRecopy tables where nearly every range compared differed, recopied whole since that
 *     costs less than range by range
 */
public record RangeFigures(int tablesCompared, long rangesCompared, long rangesDiffering, long rowsCopied,
        long rowsDeleted, long rangesReplacedTogether, int tablesRecopiedWhole, List<String> tablesGivenUpToRecopy) {
    public RangeFigures {
        tablesGivenUpToRecopy = List.copyOf(tablesGivenUpToRecopy);
    }

    /** One line for a report. */
    public String summary() {
        return rangesDiffering + " of " + rangesCompared + " ranges of " + tablesCompared + " tables differed ("
                + rowsCopied + " rows copied, " + rowsDeleted + " deleted); " + tablesRecopiedWhole
                + " tables recopied whole";
    }
}
