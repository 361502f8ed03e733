package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.TableInfo;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table of a parallel copy: the columns read and written, its primary key and how it is split,
 * the indexes built after its last chunk, and what was copied of it so far.
 */
public final class TableJob {
    /** How the table's rows are split into chunks. */
    public enum Split {
        /** One chunk, one streamed query (no primary key, or one whose type cannot be paged). */
        WHOLE,
        /** Ranges of a single integer primary key, each a chunk. */
        INTEGER_RANGES,
        /** One chunk read in pages ordered by the primary key, each page after the last key seen. */
        KEYSET
    }

    private static final Set<String> PAGEABLE = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "decimal", "char", "varchar", "binary", "varbinary", "date", "datetime", "timestamp", "time",
            "year");

    private final String name;
    private final List<String> columns;
    private final String selectList;
    private final List<ColumnInfo> key;
    private final List<Integer> keyPositions;
    private final boolean loadData;
    private final SecondaryIndexes deferred;
    private final long estimatedRows;
    private final AtomicInteger chunksLeft = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * @param columns the columns written (all but generated ones), in table order
     * @param selectList the SELECT list matching them
     * @param info the table's definition, which names it
     * @param loadData whether rows go in by LOAD DATA
     * @param deferred the secondary indexes built after the load
     * @param estimatedRows the server's row estimate
     */
    public TableJob(List<String> columns, String selectList, TableInfo info, boolean loadData,
            SecondaryIndexes deferred, long estimatedRows) {
        this.name = info.name();
        this.columns = List.copyOf(columns);
        this.selectList = selectList;
        this.key = info.primaryKey().stream().map(i -> info.columns().get(i)).toList();
        this.keyPositions = key.stream().map(k -> columns.indexOf(k.name())).toList();
        this.loadData = loadData;
        this.deferred = deferred;
        this.estimatedRows = estimatedRows;
    }

    public String name() {
        return name;
    }

    /** The columns written (all but generated ones), in table order. */
    public List<String> columns() {
        return columns;
    }

    /** The SELECT list matching {@link #columns()} (FLOAT columns read as exact doubles). */
    public String selectList() {
        return selectList;
    }

    /** The primary key's columns, in key order; empty when the table has none. */
    public List<ColumnInfo> key() {
        return key;
    }

    /** Where each key column sits in {@link #columns()}. */
    public List<Integer> keyPositions() {
        return keyPositions;
    }

    public boolean hasPrimaryKey() {
        return !key.isEmpty();
    }

    /** How the table is split. */
    public Split split() {
        if (key.isEmpty() || keyPositions.contains(-1)) {
            return Split.WHOLE;
        }
        if (key.size() == 1 && key.get(0).integer()) {
            return Split.INTEGER_RANGES;
        }
        return key.stream().allMatch(k -> PAGEABLE.contains(k.dataType())) ? Split.KEYSET : Split.WHOLE;
    }

    /** Whether rows go in by LOAD DATA (false: batched INSERTs). */
    public boolean loadData() {
        return loadData;
    }

    /** The secondary indexes dropped before the load and built after it. */
    public SecondaryIndexes deferred() {
        return deferred;
    }

    public long estimatedRows() {
        return estimatedRows;
    }

    /** Chunks not yet copied. */
    public AtomicInteger chunksLeft() {
        return chunksLeft;
    }

    public AtomicLong rows() {
        return rows;
    }

    public AtomicLong bytes() {
        return bytes;
    }
}
