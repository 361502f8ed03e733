package io.sitemove.verify.internal.schema;

import io.sitemove.remote.db.Sql;
import io.sitemove.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Compares one table's definition on the source with the target's: its kind, engine, collation, columns, indexes and foreign keys. */
final class TableDiff {
    static final String RESYNC = "sync the database again, so that the table is recreated from the source";

    private final Checks checks;
    private final Consumer<Finding> out;

    TableDiff(Checks checks, Consumer<Finding> out) {
        this.checks = checks;
        this.out = out;
    }

    void compare(Table s, Table t) {
        String table = "table " + Sql.quote(s.name());
        differs(Checks.TABLE, table, "type", s.type(), t.type());
        differs(Checks.TABLE, table, "engine", s.engine(), t.engine());
        differs(Checks.COLLATION, table, "default collation", s.collation(), t.collation());
        columns(table, s.columns(), t.columns());
        indexes(table, s.indexes(), t.indexes());
        foreignKeys(table, s.foreignKeys(), t.foreignKeys());
    }

    private void columns(String table, List<Column> source, List<Column> target) {
        Map<String, Column> targetByName = byName(target);
        Map<String, Column> sourceByName = byName(source);
        for (Column s : source) {
            Column t = targetByName.get(s.name());
            String subject = table + " column " + Sql.quote(s.name());
            if (t == null) {
                out.accept(checks.finding(Checks.COLUMN, subject, s.type() + " at position " + s.position() + " (source)",
                        "no such column", RESYNC));
            } else {
                column(subject, s, t);
            }
        }
        for (Column t : target) {
            if (!sourceByName.containsKey(t.name())) {
                out.accept(checks.finding(Checks.COLUMN, table + " column " + Sql.quote(t.name()), "no such column (source)",
                        t.type() + " at position " + t.position(), RESYNC));
            }
        }
        List<String> sourceOrder = common(source, targetByName);
        List<String> targetOrder = common(target, sourceByName);
        if (!sourceOrder.equals(targetOrder)) {
            out.accept(checks.finding(Checks.COLUMN, table, "columns in the order " + String.join(", ", sourceOrder)
                    + " (source)", "in the order " + String.join(", ", targetOrder), RESYNC));
        }
    }

    private void column(String subject, Column s, Column t) {
        differs(Checks.COLUMN_TYPE, subject, "type", s.type(), t.type());
        if (s.nullable() != t.nullable()) {
            out.accept(checks.finding(Checks.COLUMN_NULL, subject, (s.nullable() ? "NULL" : "NOT NULL") + " (source)",
                    t.nullable() ? "NULL" : "NOT NULL", RESYNC));
        }
        if (!Objects.equals(s.defaultValue(), t.defaultValue())) {
            out.accept(checks.finding(Checks.COLUMN_DEFAULT, subject, s.defaultText() + " (source)", t.defaultText(), RESYNC));
        }
        differs(Checks.COLUMN_EXTRA, subject, "extra", s.extra(), t.extra());
        if (!Objects.equals(s.collation(), t.collation()) || !Objects.equals(s.charset(), t.charset())) {
            out.accept(checks.finding(Checks.COLLATION, subject, "charset / collation " + s.characterSet() + " (source)",
                    t.characterSet(), RESYNC));
        }
    }

    private void indexes(String table, Map<String, Index> source, Map<String, Index> target) {
        for (String name : new TreeSet<>(union(source.keySet(), target.keySet()))) {
            Index s = source.get(name);
            Index t = target.get(name);
            String subject = table + " index " + Sql.quote(name);
            if (s == null || t == null || !s.equals(t)) {
                out.accept(checks.finding(Checks.INDEX, subject, (s == null ? "no such index" : s.describe()) + " (source)",
                        t == null ? "no such index" : t.describe(), RESYNC));
            }
        }
    }

    private void foreignKeys(String table, Map<String, ForeignKey> source, Map<String, ForeignKey> target) {
        for (String name : new TreeSet<>(union(source.keySet(), target.keySet()))) {
            ForeignKey s = source.get(name);
            ForeignKey t = target.get(name);
            String subject = table + " foreign key " + Sql.quote(name);
            if (s == null || t == null || !s.equals(t)) {
                out.accept(checks.finding(Checks.FOREIGN_KEY, subject, (s == null ? "no such foreign key" : s.describe())
                        + " (source)", t == null ? "no such foreign key" : t.describe(), RESYNC));
            }
        }
    }

    private void differs(String check, String subject, String what, String s, String t) {
        if (!Objects.equals(s, t)) {
            out.accept(checks.finding(check, subject, what + " " + shown(s) + " (source)", what + " " + shown(t), RESYNC));
        }
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c.name(), c));
        return out;
    }

    private static List<String> common(List<Column> columns, Map<String, Column> other) {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            if (other.containsKey(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> out = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(out::add);
        return out;
    }
}
