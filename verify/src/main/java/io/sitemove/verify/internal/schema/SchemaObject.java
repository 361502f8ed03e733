package io.sitemove.verify.internal.schema;

import io.sitemove.remote.db.Sql;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A view, trigger, routine or event: what it is called, who defined it, and what it does as named
 * properties (its normalised definition, timing, schedule, sql_mode, ...), compared one by one.
 *
 * @param kind {@code view}, {@code trigger}, {@code procedure}, {@code function} or {@code event}
 * @param name its name
 * @param table for a trigger, its table; otherwise null
 * @param definer its definer account ({@code user@host}), or null
 * @param properties what it does, in the order findings list them
 * @param readable false when the server hid its definition from this account (a missing privilege)
 */
public record SchemaObject(String kind, String name, String table, String definer, Map<String, String> properties,
        boolean readable) {
    public SchemaObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** How a finding names it: {@code view `v`}, {@code trigger `t` on table `x`}. */
    public String subject() {
        return kind + " " + Sql.quote(name) + (table == null ? "" : " on table " + Sql.quote(table));
    }

    /** The key it is matched by between the servers: kind and name (a function and a procedure may share one). */
    String key() {
        return kind + " " + name;
    }
}
