package io.sitemove.verify.internal.schema;

import java.util.List;
import java.util.Map;

/**
 * A base table's definition.
 *
 * @param name the table's name
 * @param type {@code BASE TABLE}, or another kind the server has ({@code SYSTEM VERSIONED}, {@code SEQUENCE})
 * @param engine its storage engine, or null
 * @param collation its default collation, or null
 * @param columns its columns in order
 * @param indexes its indexes by name
 * @param foreignKeys its foreign keys by name
 */
public record Table(String name, String type, String engine, String collation, List<Column> columns,
        Map<String, Index> indexes, Map<String, ForeignKey> foreignKeys) {
    public Table {
        columns = List.copyOf(columns);
        indexes = Map.copyOf(indexes);
        foreignKeys = Map.copyOf(foreignKeys);
    }
}
