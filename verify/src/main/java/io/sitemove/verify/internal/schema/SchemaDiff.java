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
    private final SchemaChanges changes;
    private final String pendingRemedy;

    /** @param beforeWatch whether the migration is not over yet (see {@link ObjectDiff}) */
    public SchemaDiff(Checks checks, boolean beforeWatch) {
        this(checks, beforeWatch, SchemaChanges.none(), "");
    }

    /**
     * @param changes what the source changed since the last sync: differences in those are pending
     * @param pendingRemedy the remedy of a pending finding
     */
    public SchemaDiff(Checks checks, boolean beforeWatch, SchemaChanges changes, String pendingRemedy) {
        this.checks = checks;
        this.beforeWatch = beforeWatch;
        this.changes = changes;
        this.pendingRemedy = pendingRemedy;
    }

    /**
     * What the comparison found.
     *
     * @param findings the findings, capped
     * @param differing how many tables and objects have a finding that is not INFO and not pending
     * @param pending how many tables and objects differ only by changes made on the source since the last sync
     * @param compared how many tables and objects were compared (those on either side)
     */
    public record Outcome(Findings findings, int differing, int pending, int compared) {
    }

    /** Compares the two schemas. */
    public Outcome compare(Schema source, Schema target) {
        Findings findings = new Findings();
        Set<String> differing = new TreeSet<>();
        Set<String> pending = new TreeSet<>();
        Recorder recorder = new Recorder(findings, differing, pending);
        int compared = tables(source, target, recorder) + objects(source, target, recorder);
        if (!changes.complete()) {
            findings.add(Finding.info("schema-changes", "source " + source.database(), changes.note()
                    + "; differences not known to be changes since the last sync count as faults"));
        }
        return new Outcome(findings, differing.size(), pending.size(), compared);
    }

    private int tables(Schema source, Schema target, Recorder recorder) {
        Set<String> names = new TreeSet<>(source.tables().keySet());
        names.addAll(target.tables().keySet());
        for (String name : names) {
            Consumer<Finding> out = recorder.of("table " + name);
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

    private int objects(Schema source, Schema target, Recorder recorder) {
        Set<String> keys = new TreeSet<>(source.objects().keySet());
        keys.addAll(target.objects().keySet());
        for (String key : keys) {
            ObjectDiff diff = new ObjectDiff(checks, beforeWatch, recorder.of(key));
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

    /** Records each thing's findings: pending when the source changed the thing since the last sync. */
    private final class Recorder {
        private final Findings findings;
        private final Set<String> differing;
        private final Set<String> pending;

        Recorder(Findings findings, Set<String> differing, Set<String> pending) {
            this.findings = findings;
            this.differing = differing;
            this.pending = pending;
        }

        Consumer<Finding> of(String thing) {
            boolean changed = changes.changed(thing);
            return f -> {
                if (f.severity() == Finding.Severity.INFO) {
                    findings.add(f);
                } else if (changed) {
                    findings.add(new Finding(f.check(), f.subject(), f.expected(), f.actual(), f.severity(), pendingRemedy,
                            true));
                    pending.add(thing);
                } else {
                    findings.add(f);
                    differing.add(thing);
                }
            };
        }
    }
}
