package io.sitemove.verify.internal.db;

import io.sitemove.MigrationException;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.BinlogChanges;
import io.sitemove.sync.mysql.TableComparer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Compares the database on both servers, several tables at once (each worker with one connection per
 * server). In full every table is hashed; in fast mode, given what the last delta changed, only the rows
 * of the keys it touched are compared, plus every table's row count (a table whose count differs, or that
 * changed in a way not told by key, is then hashed in full).
 */
public final class DatabaseCheck {
    /**
     * What the comparison found.
     *
     * @param onlySource tables only the source has
     * @param onlyTarget tables only the target has
     * @param columns tables defined with other columns or another primary key, by name
     * @param results what comparing each other table found, by name
     */
    public record Outcome(List<String> onlySource, List<String> onlyTarget, Map<String, Shapes> columns,
            List<TableResult> results) {
        /** Whether anything differs, pending or not. */
        public boolean differs() {
            return !onlySource.isEmpty() || !onlyTarget.isEmpty() || !columns.isEmpty()
                    || results.stream().anyMatch(TableResult::differs);
        }

        /** How many distinct tables the two sides hold together. */
        public int tables() {
            return onlySource.size() + onlyTarget.size() + columns.size() + results.size();
        }
    }

    /** A table's columns and primary key on each side, as {@link TableComparer.Table} lists them. */
    public record Shapes(List<String> source, List<String> target) {
    }

    private final DbEndpoint source;
    private final DbEndpoint target;
    private final int parallelism;
    private final Set<String> excluded;
    private final int rangeRows;

    public DatabaseCheck(DbEndpoint source, DbEndpoint target, int parallelism, Set<String> excluded, int rangeRows) {
        this.source = source;
        this.target = target;
        this.parallelism = parallelism;
        this.excluded = Set.copyOf(excluded);
        this.rangeRows = rangeRows;
    }

    /**
     * Runs the comparison.
     *
     * @param lastDelta what the last delta changed, for fast mode; null to compare in full
     * @param rowsDone told the source rows compared so far
     */
    public Outcome run(BinlogChanges lastDelta, LongConsumer rowsDone) {
        Parallel.Both<Map<String, TableComparer.Table>> catalogs = catalogs();
        Map<String, TableComparer.Table> s = catalogs.source();
        Map<String, TableComparer.Table> t = catalogs.target();
        List<String> onlySource = new ArrayList<>();
        List<String> onlyTarget = new ArrayList<>();
        Map<String, Shapes> columns = new TreeMap<>();
        ConcurrentLinkedQueue<TableComparer.Table> queue = new ConcurrentLinkedQueue<>();
        for (String name : new TreeSet<>(s.keySet())) {
            TableComparer.Table mine = s.get(name);
            TableComparer.Table theirs = t.get(name);
            if (theirs == null) {
                onlySource.add(name);
            } else if (!mine.columns().equals(theirs.columns()) || !mine.primaryKey().equals(theirs.primaryKey())) {
                columns.put(name, new Shapes(shape(mine), shape(theirs)));
            } else if (mine.rowImage() != null) {
                queue.add(mine);
            }
        }
        t.keySet().stream().filter(n -> !s.containsKey(n)).forEach(onlyTarget::add);
        List<TableResult> results = compare(queue, lastDelta, rowsDone);
        results.sort((a, b) -> a.table().compareTo(b.table()));
        return new Outcome(onlySource, onlyTarget, columns, results);
    }

    private static List<String> shape(TableComparer.Table t) {
        List<String> out = new ArrayList<>(t.columns());
        out.add("primary key (" + String.join(", ", t.primaryKey()) + ")");
        return out;
    }

    private Parallel.Both<Map<String, TableComparer.Table>> catalogs() {
        try (Sides sides = Sides.open(source, target)) {
            Parallel.Both<Map<String, TableComparer.Table>> both = sides.both("read the tables", null,
                    (c, db) -> Catalog.read(c, db, excluded));
            if (both.source() == null) {
                throw MigrationException.permanent("database " + source.where() + " does not exist; create it or fix"
                        + " the database name");
            }
            if (both.target() == null) {
                throw MigrationException.permanent("database " + target.where() + " does not exist; sync the"
                        + " database first or fix the database name");
            }
            return both;
        }
    }

    private List<TableResult> compare(ConcurrentLinkedQueue<TableComparer.Table> queue, BinlogChanges lastDelta,
            LongConsumer rowsDone) {
        List<TableResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] rows = {0};
        List<Parallel<Boolean>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, Math.max(1, queue.size())); i++) {
            workers.add(Parallel.start("sitemove-db-check-" + i, () -> {
                try (Sides sides = Sides.open(source, target)) {
                    for (TableComparer.Table table = queue.poll(); table != null && failure.get() == null;
                            table = queue.poll()) {
                        TableResult r = one(sides, table, lastDelta);
                        results.add(r);
                        synchronized (rows) {
                            rows[0] += r.sourceRows();
                            rowsDone.accept(rows[0]);
                        }
                    }
                    return true;
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    throw e;
                }
            }));
        }
        for (Parallel<Boolean> w : workers) {
            try {
                w.join();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new ArrayList<>(results);
    }

    private TableResult one(Sides sides, TableComparer.Table table, BinlogChanges lastDelta) {
        TableCheck check = new TableCheck(sides, table, rangeRows);
        if (lastDelta == null) {
            return check.full();
        }
        String name = table.name();
        boolean byKey = table.keyed() && table.keysWritable() && lastDelta.byKey(name);
        if (lastDelta.touches(name) && !byKey) {
            return check.full();
        }
        TableResult fast = lastDelta.touches(name) ? check.byKeys(lastDelta.keys(name)) : check.counts();
        return fast.sourceRows() != fast.targetRows() ? new TableCheck(sides, table, rangeRows).full() : fast;
    }
}
