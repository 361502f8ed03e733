package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the migration is over, enables on the receiving database the events that are enabled on the
 * sending one: the copy created them disabled, so that the scheduled work of a site ran on one
 * server only while both held the data. Each keeps the definer it has on the receiving side.
 */
public final class EventsAfterCutover {
    private static final Logger LOG = LoggerFactory.getLogger(EventsAfterCutover.class);
    private static final String EVENTS = "SELECT EVENT_NAME, STATUS, DEFINER FROM information_schema.EVENTS"
            + " WHERE EVENT_SCHEMA = ?";

    private EventsAfterCutover() {
    }

    /** Enables them; returns the events it enabled. */
    public static List<String> enable(String name, DbEndpoint from, DbEndpoint to) {
        DbEndpoint at = from;
        String event = null;
        try (Connection read = Sql.open(from, true); Connection write = Sql.open(to, true)) {
            Map<String, String[]> source = events(read, from.database());
            at = to;
            Map<String, String[]> target = events(write, to.database());
            List<String> enabled = new ArrayList<>();
            for (Map.Entry<String, String[]> e : source.entrySet()) {
                event = e.getKey();
                String[] there = target.get(event);
                if (!"ENABLED".equals(e.getValue()[0]) || there == null || "ENABLED".equals(there[0])) {
                    continue;
                }
                Sql.execute(write, "ALTER DEFINER = " + account(there[1]) + " EVENT " + Sql.quote(event) + " ENABLE");
                enabled.add(event);
            }
            if (!enabled.isEmpty()) {
                String scheduler = Sql.single(write, "SELECT @@GLOBAL.event_scheduler");
                LOG.info("{}: enabled {} events on {} after the cutover: {}{}", name, enabled.size(), to.where(), enabled,
                        "ON".equalsIgnoreCase(scheduler) ? "" : "; the server's event_scheduler is " + scheduler
                                + ", so they run only once it is ON");
            }
            return enabled;
        } catch (SQLException e) {
            throw Sql.failure("enable the events the copy left disabled", at, event, e);
        }
    }

    private static Map<String, String[]> events(Connection c, String database) throws SQLException {
        Map<String, String[]> events = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return events;
    }

    /** {@code 'user'@'host'} from information_schema's {@code user@host}; the host holds no {@code @}. */
    static String account(String definer) {
        int at = definer.lastIndexOf('@');
        return Sql.account(definer.substring(0, at), definer.substring(at + 1));
    }
}
