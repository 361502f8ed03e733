package io.sitemove.verify.internal;

import io.sitemove.spi.Finding;
import java.util.ArrayList;
import java.util.List;

/** Collects findings up to a cap while counting all of them. Not thread-safe. */
public final class Findings {
    /** The most findings a verification lists. */
    public static final int DEFAULT_CAP = 200;

    private final int cap;
    private final List<Finding> kept = new ArrayList<>();
    private long total;

    public Findings() {
        this(DEFAULT_CAP);
    }

    public Findings(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, was " + cap);
        }
        this.cap = cap;
    }

    /** Records one finding. */
    public void add(Finding finding) {
        total++;
        if (kept.size() < cap) {
            kept.add(finding);
        }
    }

    /** How many findings were recorded, including those beyond the cap. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** The findings kept, plus an INFO finding saying how many more there were. */
    public List<Finding> list() {
        List<Finding> out = new ArrayList<>(kept);
        if (total > kept.size()) {
            out.add(Finding.info("not-listed", (total - kept.size()) + " more finding(s)", "only the first " + cap
                    + " are listed"));
        }
        return List.copyOf(out);
    }
}
