package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.SchemaObjectsCopied;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the schema objects besides base tables, after them: stored functions and procedures,
 * views (in dependency order), triggers and events, each from its {@code SHOW CREATE} statement
 * with the definer rewritten and under the sql_mode (and, for events, time zone) it was created
 * with. Events arrive disabled: the site does not run on the target yet.
 */
public final class SchemaObjects {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaObjects.class);

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final Definer definer;

    public SchemaObjects(String name, DbEndpoint from, DbEndpoint to, Definer definer) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.definer = definer;
    }

    /** Replaces the receiving database's routines, views, triggers and events with the sending one's. */
    public SchemaObjectsCopied copy(Connection read, Connection write) throws SQLException {
        String savedMode = Sql.single(write, "SELECT @@SESSION.sql_mode");
        String savedZone = Sql.single(write, "SELECT @@SESSION.time_zone");
        List<String> disabled = new ArrayList<>();
        SchemaObjectsCopied copied;
        try {
            copied = new SchemaObjectsCopied(routines(read, write, "FUNCTION"), routines(read, write, "PROCEDURE"),
                    views(read, write), triggers(read, write), events(read, write, disabled), disabled);
        } finally {
            setSession(write, savedMode, savedZone);
        }
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        byKind.put("functions", copied.functions());
        byKind.put("procedures", copied.procedures());
        byKind.put("views", copied.views());
        byKind.put("triggers", copied.triggers());
        byKind.put("events", copied.events());
        byKind.forEach((kind, names) -> {
            if (!names.isEmpty()) {
                LOG.info("{}: copied {} {} from {} to {}", name, names.size(), kind, from.where(), to.where());
            }
        });
        return copied;
    }

    private List<String> routines(Connection read, Connection write, String type) throws SQLException {
        String names = "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                + " AND ROUTINE_TYPE = '" + type + "'";
        List<String> routines = list(read, names + " ORDER BY ROUTINE_NAME");
        dropOnTarget(write, names, type);
        createEach(read, write, routines, type);
        return routines;
    }

    private List<String> views(Connection read, Connection write) throws SQLException {
        String names = "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?";
        List<String> views = list(read, names + " ORDER BY TABLE_NAME");
        dropOnTarget(write, names, "VIEW");
        Map<String, String> pending = new LinkedHashMap<>();
        for (String view : views) {
            pending.put(view, definer.rewrite(showCreate(read, "SHOW CREATE VIEW " + Sql.quote(view), 2, 2)[1]));
        }
        setSession(write, "", null);
        while (!pending.isEmpty()) {
            SQLException last = null;
            String failed = null;
            int before = pending.size();
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var view = it.next();
                try {
                    Sql.execute(write, view.getValue());
                    it.remove();
                } catch (SQLException e) {
                    last = e;
                    failed = view.getKey();
                }
            }
            if (pending.size() == before) {
                throw new SQLException("cannot create view " + Sql.quote(failed) + ": " + last.getMessage(),
                        last.getSQLState(), last.getErrorCode(), last);
            }
        }
        return views;
    }

    private List<String> triggers(Connection read, Connection write) throws SQLException {
        String names = "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?";
        List<String> triggers = list(read, names + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
                + " ACTION_ORDER");
        dropOnTarget(write, names, "TRIGGER");
        createEach(read, write, triggers, "TRIGGER");
        return triggers;
    }

    private List<String> events(Connection read, Connection write, List<String> disabled) throws SQLException {
        String names = "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?";
        List<String> events = list(read, names + " ORDER BY EVENT_NAME");
        dropOnTarget(write, names, "EVENT");
        for (String event : events) {
            String[] create = showCreateEvent(read, event);
            setSession(write, create[0], create[1]);
            execute(write, definer.rewrite(create[2]), "event", event);
            if (eventExists(write, event)) {
                Sql.execute(write, "ALTER EVENT " + Sql.quote(event) + " DISABLE");
                disabled.add(event);
            }
        }
        return events;
    }

    /** Drops the receiving database's objects of the kind ({@code VIEW}, {@code TRIGGER}, ...) the query names. */
    private void dropOnTarget(Connection write, String namesSql, String kind) throws SQLException {
        for (String name : list(write, namesSql, to.database())) {
            Sql.execute(write, "DROP " + kind + " IF EXISTS " + Sql.quote(name));
        }
    }

    /** Creates each object of the kind from its {@code SHOW CREATE}, under its sql_mode, the definer rewritten. */
    private void createEach(Connection read, Connection write, List<String> names, String kind) throws SQLException {
        for (String name : names) {
            String[] create = showCreate(read, "SHOW CREATE " + kind + " " + Sql.quote(name), 2, 3);
            setSession(write, create[0], null);
            execute(write, definer.rewrite(create[1]), kind.toLowerCase(Locale.ROOT), name);
        }
    }

    private boolean eventExists(Connection write, String event) throws SQLException {
        try (PreparedStatement ps = write.prepareStatement("SELECT 1 FROM information_schema.EVENTS"
                + " WHERE EVENT_SCHEMA = ? AND EVENT_NAME = ?")) {
            ps.setString(1, to.database());
            ps.setString(2, event);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(Connection write, String sql, String kind, String object) throws SQLException {
        try {
            Sql.execute(write, sql);
        } catch (SQLException e) {
            throw new SQLException("cannot create " + kind + " " + Sql.quote(object) + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private List<String> list(Connection c, String sql) throws SQLException {
        return list(c, sql, from.database());
    }

    private static List<String> list(Connection c, String sql, String database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** {sql_mode, statement} from a SHOW CREATE whose sql_mode and statement are at the given columns. */
    private static String[] showCreate(Connection c, String sql, int modeColumn, int statementColumn) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next() || rs.getString(statementColumn) == null) {
                throw new SQLException(sql + " returned nothing: the migration user needs SHOW VIEW / SHOW CREATE ROUTINE"
                        + " (or SELECT on mysql.proc) and TRIGGER, EVENT privileges on the source");
            }
            return new String[] {modeColumn == statementColumn ? "" : rs.getString(modeColumn), rs.getString(statementColumn)};
        }
    }

    private static String[] showCreateEvent(Connection c, String event) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE EVENT " + Sql.quote(event))) {
            if (!rs.next()) {
                throw new SQLException("SHOW CREATE EVENT " + Sql.quote(event) + " returned nothing");
            }
            return new String[] {rs.getString(2), rs.getString(3), rs.getString(4)};
        }
    }

    static void setSession(Connection c, String sqlMode, String timeZone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, sqlMode == null ? "" : sqlMode);
            ps.execute();
        }
        if (timeZone != null) {
            try (PreparedStatement ps = c.prepareStatement("SET SESSION time_zone = ?")) {
                ps.setString(1, timeZone);
                ps.execute();
            }
        }
    }
}
