package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.remote.db.Sql;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Applies binlog row images to the receiving database, in order and idempotently: a written or
 * updated row is upserted by its primary key ({@code INSERT ... ON DUPLICATE KEY UPDATE}), an
 * update that changed the key first deletes the old key, a deleted row is deleted by key. Tables
 * without a primary key are matched on all their stored columns, one row at a time ({@code LIMIT 1}).
 * Consecutive rows of the same kind and table travel in one JDBC batch; the caller commits.
 */
public final class RowApplier implements AutoCloseable {
    private enum Kind { UPSERT, INSERT, DELETE_BY_KEY, DELETE_MATCHING, UPDATE_MATCHING }

    private final Connection target;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement pending;
    private Kind pendingKind;
    private int pendingRows;
    private long unmatched;

    public RowApplier(Connection target) {
        this.target = target;
    }

    /** A row the source inserted. */
    public void written(TableInfo table, Serializable[] row) throws SQLException {
        if (table.hasPrimaryKey()) {
            upsert(table, row);
        } else {
            PreparedStatement ps = statement(table, Kind.INSERT);
            bindStored(ps, table, row, 1);
            add(ps);
        }
    }

    /** A row the source updated, before and after. */
    public void updated(TableInfo table, Serializable[] before, Serializable[] after) throws SQLException {
        if (table.hasPrimaryKey()) {
            if (!sameKey(table, before, after)) {
                deleted(table, before);
            }
            upsert(table, after);
        } else {
            PreparedStatement ps = statement(table, Kind.UPDATE_MATCHING);
            bindStored(ps, table, before, bindStored(ps, table, after, 1));
            add(ps);
        }
    }

    /** A row the source deleted. */
    public void deleted(TableInfo table, Serializable[] row) throws SQLException {
        Kind kind = table.hasPrimaryKey() ? Kind.DELETE_BY_KEY : Kind.DELETE_MATCHING;
        PreparedStatement ps = statement(table, kind);
        if (table.hasPrimaryKey()) {
            int next = 1;
            for (int k : table.primaryKey()) {
                bind(ps, next++, table.columns().get(k), row[k]);
            }
        } else {
            bindStored(ps, table, row, 1);
        }
        add(ps);
    }

    private void upsert(TableInfo table, Serializable[] row) throws SQLException {
        PreparedStatement ps = statement(table, Kind.UPSERT);
        bindStored(ps, table, row, 1);
        add(ps);
    }

    private static boolean sameKey(TableInfo table, Serializable[] before, Serializable[] after) {
        for (int k : table.primaryKey()) {
            if (!Objects.deepEquals(before[k], after[k])) {
                return false;
            }
        }
        return true;
    }

    private int bindStored(PreparedStatement ps, TableInfo table, Serializable[] row, int first) throws SQLException {
        int next = first;
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnInfo column = table.columns().get(i);
            if (!column.generated()) {
                bind(ps, next++, column, row[i]);
            }
        }
        return next;
    }

    private void add(PreparedStatement ps) throws SQLException {
        ps.addBatch();
        pendingRows++;
    }

    private PreparedStatement statement(TableInfo table, Kind kind) throws SQLException {
        String sql = sql(table, kind);
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = target.prepareStatement(sql);
            statements.put(sql, ps);
        }
        if (ps != pending) {
            flush();
            pending = ps;
            pendingKind = kind;
        }
        return ps;
    }

    /** Sends the rows batched so far. */
    public void flush() throws SQLException {
        if (pending == null || pendingRows == 0) {
            return;
        }
        int[] counts = pending.executeBatch();
        if (pendingKind == Kind.UPDATE_MATCHING || pendingKind == Kind.DELETE_MATCHING) {
            for (int count : counts) {
                if (count == 0) {
                    unmatched++;
                }
            }
        }
        pendingRows = 0;
    }

    /** Sends what is batched and commits. */
    public void commit() throws SQLException {
        flush();
        target.commit();
    }

    /** Rows of tables without a primary key that an update or delete did not find on the receiving side. */
    public long unmatched() {
        return unmatched;
    }

    static String sql(TableInfo table, Kind kind) {
        String name = Sql.quote(table.name());
        List<ColumnInfo> stored = table.columns().stream().filter(c -> !c.generated()).toList();
        String columnList = stored.stream().map(c -> Sql.quote(c.name())).collect(Collectors.joining(", "));
        String marks = stored.stream().map(c -> "?").collect(Collectors.joining(", "));
        String matching = stored.stream().map(c -> Sql.quote(c.name()) + " <=> ?").collect(Collectors.joining(" AND "));
        switch (kind) {
            case INSERT:
                return "INSERT INTO " + name + " (" + columnList + ") VALUES (" + marks + ")";
            case UPSERT: {
                List<String> updates = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnInfo c = table.columns().get(i);
                    if (!c.generated() && !table.primaryKey().contains(i)) {
                        updates.add(Sql.quote(c.name()) + " = VALUES(" + Sql.quote(c.name()) + ")");
                    }
                }
                if (updates.isEmpty()) {
                    String first = Sql.quote(table.columns().get(table.primaryKey().get(0)).name());
                    updates.add(first + " = " + first);
                }
                return "INSERT INTO " + name + " (" + columnList + ") VALUES (" + marks + ") ON DUPLICATE KEY UPDATE "
                        + String.join(", ", updates);
            }
            case DELETE_BY_KEY:
                return "DELETE FROM " + name + " WHERE " + table.primaryKey().stream()
                        .map(k -> keyMatch(table.columns().get(k))).collect(Collectors.joining(" AND "));
            case DELETE_MATCHING:
                return "DELETE FROM " + name + " WHERE " + matching + " LIMIT 1";
            case UPDATE_MATCHING:
                return "UPDATE " + name + " SET " + stored.stream().map(c -> Sql.quote(c.name()) + " = ?")
                        .collect(Collectors.joining(", ")) + " WHERE " + matching + " LIMIT 1";
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private static String keyMatch(ColumnInfo column) {
        String value = column.text() ? "CONVERT(? USING " + column.charset() + ") COLLATE " + column.collation() : "?";
        return Sql.quote(column.name()) + " = " + value;
    }

    static void bind(PreparedStatement ps, int index, ColumnInfo column, Serializable value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else if (value instanceof String text) {
            ps.setString(index, text);
        } else if (value instanceof BigDecimal decimal) {
            ps.setBigDecimal(index, decimal);
        } else if (value instanceof BigInteger number) {
            ps.setBigDecimal(index, new BigDecimal(number));
        } else if (value instanceof Integer number) {
            ps.setLong(index, column.integer() && column.unsigned() ? unsigned(column.dataType(), number) : number);
        } else if (value instanceof Long number) {
            if (number < 0 && (column.unsigned() || column.dataType().equals("set"))) {
                ps.setBigDecimal(index, new BigDecimal(Long.toUnsignedString(number)));
            } else {
                ps.setLong(index, number);
            }
        } else if (value instanceof Float number) {
            ps.setDouble(index, number.doubleValue());
        } else if (value instanceof Double number) {
            ps.setDouble(index, number);
        } else {
            ps.setObject(index, value);
        }
    }

    private static long unsigned(String dataType, int value) {
        return switch (dataType) {
            case "tinyint" -> value & 0xFFL;
            case "smallint" -> value & 0xFFFFL;
            case "mediumint" -> value & 0xFFFFFFL;
            default -> Integer.toUnsignedLong(value);
        };
    }

    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                continue;
            }
        }
        statements.clear();
    }
}
