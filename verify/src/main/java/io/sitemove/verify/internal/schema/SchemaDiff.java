package io.sitemove.verify.internal.schema;

import io.sitemove.remote.db.Sql;
import io.sitemove.spi.Finding;
import io.sitemove.verify.internal.Findings;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares the source's schema with the target's: every table and every view, trigger, routine and
 * event, on both sides, matched by name. Counts the things that differ, so a summary names the
 * number of things and not of findings.
 */
public final class SchemaDiff {
    private final Checks checks;
    private final boolean beforeWatch;

    /** @param beforeWatch whether the migration is not over yet (see {@link ObjectDiff}) */
    public SchemaDiff(Checks checks, boolean beforeWatch) {
        this.checks = checks;
        this.beforeWatch = beforeWatch;
    }

    /**
     * What the comparison found.
     *
     * @param findings the findings, capped
     * @param differing how many tables and objects have a finding that is not INFO
     * @param compared how many tables and objects were compared (those on either side)
     */
    public record Outcome(Findings findings, int differing, int compared) {
    }

    /** Compares the two schemas. */
    public Outcome compare(Schema source, Schema target) {
        Findings findings = new Findings();
        Set<String> differing = new TreeSet<>();
        int compared = tables(source, target, findings, differing) + objects(source, target, findings, differing);
        return new Outcome(findings, differing.size(), compared);
    }

    private int tables(Schema source, Schema target, Findings findings, Set<String> differing) {
        Set<String> names = new TreeSet<>(source.tables().keySet());
        names.addAll(target.tables().keySet());
        for (String name : names) {
            Consumer<Finding> out = recording(findings, differing, "table " + name);
            Table s = source.tables().get(name);
            Table t = target.tables().get(name);
            String subject = "table " + Sql.quote(name);
            if (t == null) {
                out.accept(checks.finding(Checks.TABLE, subject, s.columns().size() + " columns (source)", "no such table",
                        TableDiff.RESYNC));
            } else if (s == null) {
                out.accept(checks.finding(Checks.TABLE, subject, "no such table (source)", t.columns().size() + " columns",
                        "drop it on the target, or sync with dropMissingTables"));
            } else {
                new TableDiff(checks, out).compare(s, t);
            }
        }
        return names.size();
    }

    private int objects(Schema source, Schema target, Findings findings, Set<String> differing) {
        Set<String> keys = new TreeSet<>(source.objects().keySet());
        keys.addAll(target.objects().keySet());
        for (String key : keys) {
            ObjectDiff diff = new ObjectDiff(checks, beforeWatch, recording(findings, differing, key));
            SchemaObject s = source.objects().get(key);
            SchemaObject t = target.objects().get(key);
            if (t == null) {
                diff.missing(s);
            } else if (s == null) {
                diff.extra(t);
            } else {
                diff.compare(s, t);
            }
        }
        return keys.size();
    }

    private static Consumer<Finding> recording(Findings findings, Set<String> differing, String thing) {
        return f -> {
            findings.add(f);
            if (f.severity() != Finding.Severity.INFO) {
                differing.add(thing);
            }
        };
    }
}
