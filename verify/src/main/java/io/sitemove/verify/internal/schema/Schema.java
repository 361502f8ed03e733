package io.sitemove.verify.internal.schema;

import java.util.Map;

/**
 * What one database holds, as read from information_schema.
 *
 * @param database the database's name
 * @param tables its base tables by name
 * @param objects its views, triggers, routines and events by {@link SchemaObject#key()}
 */
public record Schema(String database, Map<String, Table> tables, Map<String, SchemaObject> objects) {
    public Schema {
        tables = Map.copyOf(tables);
        objects = Map.copyOf(objects);
    }

    /** How many objects of a kind it holds. */
    public long count(String kind) {
        return objects.values().stream().filter(o -> o.kind().equals(kind)).count();
    }
}
