package io.sitemove.verify.internal;

import io.sitemove.remote.db.Sql;
import io.sitemove.spi.Finding;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Compares the tables read on both sides; findings name the table and what differs. */
public final class TableComparison {
    private static final String SYNC = "sync the database again";

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
            findings.add(Finding.blocking("missing", name, s.rows() + " rows (source)", "no such table", SYNC));
            return;
        }
        if (s == null) {
            findings.add(Finding.blocking("extra", name, "no such table (source)", t.rows() + " rows",
                    "drop it on the target or sync the database again"));
            return;
        }
        boolean sameShape = s.shape().equals(t.shape());
        if (!sameShape) {
            findings.add(Finding.blocking("columns", name, Printable.excerpt(s.shape(), 300) + " (source)",
                    Printable.excerpt(t.shape(), 300), SYNC));
        }
        if (s.rows() != t.rows()) {
            findings.add(Finding.blocking("row-count", name, s.rows() + " rows (source)", t.rows() + " rows", SYNC));
        } else if (sameShape && !s.contentHash().equals(t.contentHash())) {
            findings.add(Finding.blocking("content", name, hash(s) + " (source)", hash(t), SYNC));
        }
        if (sameShape && s.checksum().isPresent() && t.checksum().isPresent()
                && s.checksum().getAsLong() != t.checksum().getAsLong()) {
            findings.add(Finding.blocking("checksum-table", name, s.checksum().getAsLong() + " (source)",
                    String.valueOf(t.checksum().getAsLong()), SYNC + "; between engines or versions, verify without"
                    + " CHECKSUM TABLE"));
        }
    }

    /** The content hash and the number of rows it covers: which rows differ is not known from it. */
    private static String hash(TableState state) {
        return "sha256 " + state.contentHash().substring(0, 16) + "... over " + state.rows() + " rows";
    }
}
