package io.sitemove.verify.internal.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables and schema objects a live source changed after a sync's binlog position: its DDL
 * statements read with {@code SHOW BINLOG EVENTS} page by page, up to a cap on the events read, each
 * page bounded by the query timeout.
 *
 * @param touched the keys of what was changed ({@link DdlStatement#touched})
 * @param complete whether the whole binary log up to its end was read
 * @param note why not, or empty
 */
public record SchemaChanges(Set<String> touched, boolean complete, String note) {
    static final int PAGE = 10_000;
    /** The most binlog events read: beyond, the changes found so far are pending and the rest count as faults. */
    public static final int MAX_EVENTS = 500_000;
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final Pattern CURSOR = Pattern.compile("(" + FILE.pattern() + "):(\\d{1,19})");

    public SchemaChanges {
        touched = Set.copyOf(touched);
    }

    /** Nothing is known to have changed: every difference counts. */
    public static SchemaChanges none() {
        return new SchemaChanges(Set.of(), true, "");
    }

    /** Whether a table or object, by its key, changed on the source. */
    public boolean changed(String key) {
        return touched.contains(key);
    }

    /**
     * Reads the source's changes to {@code database} from the binlog position {@code cursor}
     * ({@code file:position}, as the MySQL syncer's cursor), or says why it could not.
     */
    public static SchemaChanges since(Connection c, String database, String cursor, Duration queryTimeout) {
        Matcher at = CURSOR.matcher(cursor);
        if (!at.matches()) {
            return new SchemaChanges(Set.of(), false, "the last sync's cursor '" + cursor + "' is not a binlog position");
        }
        Set<String> touched = new LinkedHashSet<>();
        try {
            List<String> files = files(c, at.group(1), queryTimeout);
            if (files.isEmpty()) {
                return new SchemaChanges(Set.of(), false, "the source no longer has binlog " + at.group(1));
            }
            long read = 0;
            long from = Long.parseLong(at.group(2));
            for (String file : files) {
                Optional<Long> last = scan(c, file, from, database, touched, MAX_EVENTS - read, queryTimeout);
                if (last.isEmpty()) {
                    return new SchemaChanges(touched, false, "more than " + MAX_EVENTS + " binlog events since the last sync"
                            + " were not all read");
                }
                read += last.get();
                from = 4;
            }
            return new SchemaChanges(touched, true, "");
        } catch (SQLException e) {
            return new SchemaChanges(touched, false, "the source's binlog could not be read (" + e.getMessage() + ")");
        }
    }

    /** The binlog files from {@code first} on, in order, or none when the server has no such file. */
    private static List<String> files(Connection c, String first, Duration timeout) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(seconds(timeout));
            try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                while (rs.next()) {
                    String file = rs.getString(1);
                    if (FILE.matcher(file).matches()) {
                        all.add(file);
                    }
                }
            }
        }
        int i = all.indexOf(first);
        return i < 0 ? List.of() : all.subList(i, all.size());
    }

    /** Scans one file from a position; the number of events read, or empty when the cap was reached. */
    private static Optional<Long> scan(Connection c, String file, long from, String database, Set<String> touched,
            long budget, Duration timeout) throws SQLException {
        long read = 0;
        long position = from;
        while (true) {
            int rows = 0;
            long next = position;
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(seconds(timeout));
                try (ResultSet rs = s.executeQuery("SHOW BINLOG EVENTS IN '" + file + "' FROM " + position + " LIMIT " + PAGE)) {
                    while (rs.next()) {
                        rows++;
                        next = rs.getLong("End_log_pos");
                        if ("Query".equals(rs.getString("Event_type"))) {
                            touched.addAll(DdlStatement.touched(rs.getString("Info"), database));
                        }
                    }
                }
            }
            read += rows;
            if (rows < PAGE) {
                return Optional.of(read);
            }
            if (read >= budget) {
                return Optional.empty();
            }
            position = next;
        }
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }
}
