package io.sitemove.verify.internal;

import io.sitemove.remote.db.Sql;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Compares the tables read on both sides; findings name the table and what differs. */
public final class TableComparison {
    private final Map<String, TableState> source;
    private final Map<String, TableState> target;
    private final SortedSet<String> all = new TreeSet<>();

    public TableComparison(Map<String, TableState> source, Map<String, TableState> target) {
        this.source = Map.copyOf(source);
        this.target = Map.copyOf(target);
        all.addAll(source.keySet());
        all.addAll(target.keySet());
    }

    /** How many distinct tables the two sides hold together. */
    public int tables() {
        return all.size();
    }

    /** The rows read on the source. */
    public long sourceRows() {
        return source.values().stream().mapToLong(TableState::rows).sum();
    }

    /** Adds one finding per difference; returns how many tables differ. */
    public int compare(Findings findings) {
        int differing = 0;
        for (String table : all) {
            long before = findings.total();
            compareOne(table, findings);
            if (findings.total() > before) {
                differing++;
            }
        }
        return differing;
    }

    private void compareOne(String table, Findings findings) {
        TableState s = source.get(table);
        TableState t = target.get(table);
        String name = "table " + Printable.of(Sql.quote(table));
        if (t == null) {
            findings.add("missing on target: " + name + " (" + s.rows() + " rows on source)");
            return;
        }
        if (s == null) {
            findings.add("extra on target: " + name + " (" + t.rows() + " rows)");
            return;
        }
        boolean sameShape = s.shape().equals(t.shape());
        if (!sameShape) {
            findings.add(name + ": columns differ (source: " + Printable.excerpt(s.shape(), 300) + "; target: "
                    + Printable.excerpt(t.shape(), 300) + ")");
        }
        if (s.rows() != t.rows()) {
            findings.add(name + ": row count differs (" + s.rows() + " on source, " + t.rows() + " on target)");
        } else if (sameShape && !s.contentHash().equals(t.contentHash())) {
            findings.add(name + ": content differs in " + s.rows() + " rows (sha256 " + s.contentHash().substring(0, 16)
                    + "... on source, " + t.contentHash().substring(0, 16) + "... on target)");
        }
        if (sameShape && s.checksum().isPresent() && t.checksum().isPresent()
                && s.checksum().getAsLong() != t.checksum().getAsLong()) {
            findings.add(name + ": CHECKSUM TABLE differs (" + s.checksum().getAsLong() + " on source, "
                    + t.checksum().getAsLong() + " on target)");
        }
    }
}
