package io.sitemove.verify.internal.schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the views, triggers, routines (with their parameters) and events of one database, one query
 * for each kind. Definitions are normalised ({@link Normalise#definition}); one the server hides from
 * this account (a missing privilege) is marked unreadable rather than read as empty.
 */
final class ObjectReader {
    private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, DEFINER"
            + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?";
    private static final String TRIGGERS = "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
            + " ACTION_ORDER, ACTION_STATEMENT, SQL_MODE, DEFINER FROM information_schema.TRIGGERS"
            + " WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER";
    private static final String ROUTINES = "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION,"
            + " IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, DEFINER, ROUTINE_COMMENT"
            + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?";
    private static final String PARAMETERS = "SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME,"
            + " DTD_IDENTIFIER FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0"
            + " ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION";
    private static final String EVENTS = "SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE,"
            + " INTERVAL_FIELD, STARTS, ENDS, ON_COMPLETION, STATUS, SQL_MODE, TIME_ZONE, DEFINER"
            + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?";

    private final Query query;
    private final Predicate<String> included;

    ObjectReader(Query query, Predicate<String> included) {
        this.query = query;
        this.included = included;
    }

    /** The objects by {@link SchemaObject#key()}. */
    Map<String, SchemaObject> read() throws SQLException {
        Map<String, SchemaObject> out = new LinkedHashMap<>();
        views(out);
        triggers(out);
        routines(out);
        events(out);
        return out;
    }

    private void views(Map<String, SchemaObject> out) throws SQLException {
        query.each(VIEWS, rs -> {
            if (included.test(rs.getString(1))) {
                Map<String, String> p = new LinkedHashMap<>();
                String definition = rs.getString(2);
                p.put("definition", body(definition));
                p.put("check option", rs.getString(3));
                p.put("security", rs.getString(4));
                put(out, new SchemaObject("view", rs.getString(1), null, Normalise.definer(rs.getString(5)), p,
                        definition != null && !definition.isEmpty()));
            }
        });
    }

    private void triggers(Map<String, SchemaObject> out) throws SQLException {
        query.each(TRIGGERS, rs -> {
            if (included.test(rs.getString(2))) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("timing", rs.getString(3) + " " + rs.getString(4));
                p.put("order", rs.getString(5));
                p.put("definition", body(rs.getString(6)));
                p.put("sql_mode", rs.getString(7));
                put(out, new SchemaObject("trigger", rs.getString(1), rs.getString(2), Normalise.definer(rs.getString(8)),
                        p, rs.getString(6) != null));
            }
        });
    }

    private void routines(Map<String, SchemaObject> out) throws SQLException {
        Map<String, StringBuilder> parameters = new LinkedHashMap<>();
        query.each(PARAMETERS, rs -> {
            StringBuilder list = parameters.computeIfAbsent(kind(rs.getString(2)) + " " + rs.getString(1),
                    k -> new StringBuilder());
            list.append(list.length() == 0 ? "" : ", ").append(rs.getString(3) == null ? "" : rs.getString(3) + " ")
                    .append(rs.getString(4)).append(' ').append(rs.getString(5));
        });
        query.each(ROUTINES, rs -> {
            String kind = kind(rs.getString(2));
            Map<String, String> p = new LinkedHashMap<>();
            StringBuilder params = parameters.get(kind + " " + rs.getString(1));
            p.put("parameters", "(" + (params == null ? "" : params) + ")");
            p.put("returns", rs.getString(3));
            p.put("definition", body(rs.getString(4)));
            p.put("deterministic", rs.getString(5));
            p.put("data access", rs.getString(6));
            p.put("security", rs.getString(7));
            p.put("sql_mode", rs.getString(8));
            p.put("comment", rs.getString(10));
            put(out, new SchemaObject(kind, rs.getString(1), null, Normalise.definer(rs.getString(9)), p,
                    rs.getString(4) != null));
        });
    }

    private void events(Map<String, SchemaObject> out) throws SQLException {
        query.each(EVENTS, rs -> {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("definition", body(rs.getString(2)));
            p.put("schedule", schedule(rs));
            p.put("on completion", rs.getString(9));
            p.put("sql_mode", rs.getString(11));
            p.put("time zone", rs.getString(12));
            p.put("status", rs.getString(10));
            put(out, new SchemaObject("event", rs.getString(1), null, Normalise.definer(rs.getString(13)), p,
                    rs.getString(2) != null));
        });
    }

    private static String schedule(ResultSet rs) throws SQLException {
        if ("ONE TIME".equals(rs.getString(3))) {
            return "at " + rs.getString(4);
        }
        return "every " + rs.getString(5) + " " + rs.getString(6) + (rs.getString(7) == null ? "" : " starts "
                + rs.getString(7)) + (rs.getString(8) == null ? "" : " ends " + rs.getString(8));
    }

    private String body(String definition) {
        return Normalise.definition(definition, query.database());
    }

    private static String kind(String routineType) {
        return "PROCEDURE".equalsIgnoreCase(routineType) ? "procedure" : "function";
    }

    private static void put(Map<String, SchemaObject> out, SchemaObject o) {
        out.put(o.key(), o);
    }
}
