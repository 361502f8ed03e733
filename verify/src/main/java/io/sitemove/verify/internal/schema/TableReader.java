package io.sitemove.verify.internal.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads the base tables of one database, their columns, indexes and foreign keys, in four queries
 * whatever the number of tables.
 */
final class TableReader {
    private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW'";
    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_TYPE,"
            + " c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA, c.GENERATION_EXPRESSION, c.CHARACTER_SET_NAME, c.COLLATION_NAME"
            + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE <> 'VIEW'"
            + " WHERE c.TABLE_SCHEMA = ? ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION,"
            + " INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
            + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
            + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME"
            + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private final Query query;
    private final Predicate<String> included;

    TableReader(Query query, Predicate<String> included) {
        this.query = query;
        this.included = included;
    }

    /** The included base tables by name. */
    Map<String, Table> read() throws SQLException {
        Map<String, String[]> heads = new TreeMap<>();
        query.each(TABLES, rs -> {
            if (included.test(rs.getString(1))) {
                heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        });
        Map<String, List<Column>> columns = columns(heads);
        Map<String, Map<String, IndexBuilder>> indexes = indexes(heads);
        Map<String, Map<String, ForeignKeyBuilder>> keys = foreignKeys(heads);
        Map<String, Table> tables = new LinkedHashMap<>();
        heads.forEach((name, head) -> {
            Map<String, Index> byName = new LinkedHashMap<>();
            indexes.getOrDefault(name, Map.of()).forEach((n, b) -> byName.put(n, b.build()));
            Map<String, ForeignKey> fks = new LinkedHashMap<>();
            keys.getOrDefault(name, Map.of()).forEach((n, b) -> fks.put(n, b.build()));
            tables.put(name, new Table(name, head[0], head[1], head[2], columns.getOrDefault(name, List.of()), byName, fks));
        });
        return tables;
    }

    private Map<String, List<Column>> columns(Map<String, String[]> heads) throws SQLException {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        query.each(COLUMNS, rs -> {
            if (heads.containsKey(rs.getString(1))) {
                out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getInt(3),
                        Normalise.type(rs.getString(4)), "YES".equals(rs.getString(5)),
                        Normalise.defaultValue(rs.getString(6)), Normalise.extra(rs.getString(7), rs.getString(8)),
                        rs.getString(9), rs.getString(10)));
            }
        });
        return out;
    }

    private Map<String, Map<String, IndexBuilder>> indexes(Map<String, String[]> heads) throws SQLException {
        Map<String, Map<String, IndexBuilder>> out = new LinkedHashMap<>();
        query.each(INDEXES, rs -> {
            if (heads.containsKey(rs.getString(1))) {
                String column = rs.getString(4);
                long prefix = rs.getLong(5);
                String part = (column == null ? "(expression)" : column) + (rs.wasNull() ? "" : "(" + prefix + ")")
                        + ("D".equals(rs.getString(6)) ? " DESC" : "");
                boolean unique = rs.getInt(3) == 0;
                String type = rs.getString(7);
                out.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), n -> new IndexBuilder(n, unique, type)).parts().add(part);
            }
        });
        return out;
    }

    private Map<String, Map<String, ForeignKeyBuilder>> foreignKeys(Map<String, String[]> heads) throws SQLException {
        Map<String, Map<String, ForeignKeyBuilder>> out = new LinkedHashMap<>();
        query.each(FOREIGN_KEYS, rs -> {
            if (heads.containsKey(rs.getString(1))) {
                String schema = rs.getString(4);
                String referenced = (schema == null || schema.equals(query.database()) ? "" : schema + ".")
                        + rs.getString(5);
                String onUpdate = rs.getString(7);
                String onDelete = rs.getString(8);
                ForeignKeyBuilder fk = out.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), n -> new ForeignKeyBuilder(n, referenced, onUpdate, onDelete));
                fk.columns().add(rs.getString(3));
                fk.referencedColumns().add(rs.getString(6));
            }
        });
        return out;
    }

    private record IndexBuilder(String name, boolean unique, String type, List<String> parts) {
        IndexBuilder(String name, boolean unique, String type) {
            this(name, unique, type, new ArrayList<>());
        }

        Index build() {
            return new Index(name, unique, type, parts);
        }
    }

    private record ForeignKeyBuilder(String name, String referencedTable, String onUpdate, String onDelete,
            List<String> columns, List<String> referencedColumns) {
        ForeignKeyBuilder(String name, String referencedTable, String onUpdate, String onDelete) {
            this(name, referencedTable, onUpdate, onDelete, new ArrayList<>(), new ArrayList<>());
        }

        ForeignKey build() {
            return new ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete);
        }
    }
}
