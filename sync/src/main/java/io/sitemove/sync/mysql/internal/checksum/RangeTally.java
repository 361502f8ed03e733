package io.sitemove.sync.mysql.internal.checksum;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a table's key ranges compared so far, and whether the table is given up to a whole recopy: one of
 * many ranges whose first ranges compared nearly all differ (changes spread over the whole table) costs
 * less to recopy whole than to compare and replace range by range.
 */
final class RangeTally {
    /** Ranges of a table compared before judging whether nearly all differ. */
    private static final int SAMPLE = 4;
    /** A table with at least this many ranges may be given up to a whole recopy. */
    private static final int MIN_RANGES_TO_GIVE_UP = 8;
    /** The share of differing ranges, once {@link #SAMPLE} were compared, that gives a table up. */
    private static final double GIVE_UP_SHARE = 0.75;

    private final int ranges;
    private final AtomicInteger compared = new AtomicInteger();
    private final AtomicInteger differed = new AtomicInteger();
    private volatile boolean givenUp;

    RangeTally(int ranges) {
        this.ranges = ranges;
    }

    /** Counts one comparison; true when the table is now given up to a whole recopy. */
    synchronized boolean count(boolean differs) {
        int n = compared.incrementAndGet();
        int d = differs ? differed.incrementAndGet() : differed.get();
        if (!givenUp && ranges >= MIN_RANGES_TO_GIVE_UP && n >= SAMPLE && d >= GIVE_UP_SHARE * n) {
            givenUp = true;
        }
        return givenUp;
    }

    /** Whether the table is given up to a whole recopy. */
    boolean givenUp() {
        return givenUp;
    }

    /** How many of its ranges were compared. */
    int compared() {
        return compared.get();
    }
}
