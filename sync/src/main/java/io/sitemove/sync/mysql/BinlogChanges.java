package io.sitemove.sync.mysql;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.internal.binlog.ChangedKeys;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows a stretch of the sending server's binary log changed, by table and primary key: what a
 * verifier needs to tell a change still on its way (made after the last sync's cursor) from a fault,
 * and which keys the last delta carried. Reading only; keys are {@link TableComparer#keyText key texts}.
 *
 * <pre>{@code
 * BinlogChanges since = BinlogChanges.read(oldDb, BinlogPosition.parse(lastSync.cursor()).orElseThrow(), null);
 * boolean pending = since.touches("wp_posts", TableComparer.keyText(List.of("42")));
 * }</pre>
 *
 * @param from where the read began
 * @param to where it ended
 * @param keysByTable the changed keys, by table
 * @param wholeTables tables changed in a way not told by key (no primary key, or a key not written as text)
 * @param schemaChanged whether a schema change of the database was met, after which any table may differ
 */
public record BinlogChanges(BinlogPosition from, BinlogPosition to, Map<String, Set<String>> keysByTable,
        Set<String> wholeTables, boolean schemaChanged) {
    public BinlogChanges {
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(to, "to cannot be null");
        Map<String, Set<String>> copy = new TreeMap<>();
        keysByTable.forEach((table, keys) -> copy.put(table, Collections.unmodifiableSet(new TreeSet<>(keys))));
        keysByTable = Collections.unmodifiableMap(copy);
        wholeTables = Collections.unmodifiableSet(new TreeSet<>(wholeTables));
    }

    /**
     * Reads the binary log of {@code source} (its database only) from {@code from} to {@code to}, or to where
     * it ends now when {@code to} is null. Needs the replication privileges a binlog delta needs.
     *
     * @throws io.sitemove.MigrationException when the binary log cannot be read (off, purged, refused)
     */
    public static BinlogChanges read(DbEndpoint source, BinlogPosition from, BinlogPosition to) {
        Objects.requireNonNull(source, "source cannot be null");
        Objects.requireNonNull(from, "from cannot be null");
        ChangedKeys.Outcome read = ChangedKeys.read(source, from, to);
        return new BinlogChanges(read.from(), read.to(), read.keys(), read.whole(), read.schemaChanged());
    }

    /** Nothing changed at {@code at}. */
    public static BinlogChanges none(BinlogPosition at) {
        return new BinlogChanges(at, at, Map.of(), Set.of(), false);
    }

    /** The changes of this stretch and of {@code later}, which follows it: from this one's start to the later one's end. */
    public BinlogChanges plus(BinlogChanges later) {
        Objects.requireNonNull(later, "later cannot be null");
        Map<String, Set<String>> keys = new TreeMap<>();
        keysByTable.forEach((t, k) -> keys.computeIfAbsent(t, x -> new TreeSet<>()).addAll(k));
        later.keysByTable.forEach((t, k) -> keys.computeIfAbsent(t, x -> new TreeSet<>()).addAll(k));
        Set<String> whole = new TreeSet<>(wholeTables);
        whole.addAll(later.wholeTables);
        BinlogPosition end = later.to.compareTo(to) > 0 ? later.to : to;
        return new BinlogChanges(from, end, keys, whole, schemaChanged || later.schemaChanged);
    }

    /** Whether any row of the table may have changed. */
    public boolean touches(String table) {
        return schemaChanged || wholeTables.contains(table) || keysByTable.containsKey(table);
    }

    /** Whether the row of the table with this key may have changed. */
    public boolean touches(String table, String key) {
        return schemaChanged || wholeTables.contains(table) || keysByTable.getOrDefault(table, Set.of()).contains(key);
    }

    /** Whether the table's changes are known key by key (it is not changed whole). */
    public boolean byKey(String table) {
        return !schemaChanged && !wholeTables.contains(table);
    }

    /** The changed keys of the table; empty when none (or when it changed whole: see {@link #byKey}). */
    public Set<String> keys(String table) {
        return keysByTable.getOrDefault(table, Set.of());
    }

    /** How many distinct keys changed, over all tables. */
    public long keyCount() {
        return keysByTable.values().stream().mapToLong(Set::size).sum();
    }
}
