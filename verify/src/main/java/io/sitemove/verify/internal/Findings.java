package io.sitemove.verify.internal;

import java.util.ArrayList;
import java.util.List;

/** Collects findings up to a cap while counting all of them. Not thread-safe. */
public final class Findings {
    /** The most findings a verification lists. */
    public static final int DEFAULT_CAP = 200;

    private final int cap;
    private final List<String> kept = new ArrayList<>();
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
    public void add(String finding) {
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

    /** The findings kept, plus one line saying how many more there were. */
    public List<String> list() {
        List<String> out = new ArrayList<>(kept);
        if (total > kept.size()) {
            out.add("... and " + (total - kept.size()) + " more");
        }
        return List.copyOf(out);
    }
}
