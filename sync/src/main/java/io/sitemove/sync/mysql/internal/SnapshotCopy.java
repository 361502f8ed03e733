package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import io.sitemove.Counts;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies base tables from a consistent snapshot of the sending database: every table (a full
 * copy), the tables whose checksum differs (the checksum delta), or only those whose definition
 * differs or that a binlog delta asked for (after a schema change). A recopied table is dropped and
 * recreated; a changed table of the same shape is emptied and refilled in one transaction.
 */
public final class SnapshotCopy {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCopy.class);

    /** Which tables to copy. */
    public enum Scope { ALL, CHECKSUM_DIFFERS, SHAPE_DIFFERS }

    /** What the copy did; {@code objects} is empty when schema objects were not copied. */
    public record Outcome(long rows, long bytes, long deleted, List<String> copied, int tablesInSource,
            List<String> onlyOnTarget, boolean droppedThose, String binlogPosition, Optional<SchemaObjects.Outcome> objects) {
    }

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final boolean dropMissingTables;
    private final ProgressReporter progress;
    private final Definer definer;

    /**
     * A copy; {@code definer} null leaves views, routines, triggers and events alone (a checksum
     * delta, a rollback), else they are copied after the tables with that definer.
     */
    public SnapshotCopy(String name, DbEndpoint from, DbEndpoint to, boolean dropMissingTables,
            ProgressReporter progress, Definer definer) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.dropMissingTables = dropMissingTables;
        this.progress = progress;
        this.definer = definer;
    }

    /** Copies the scope's tables, plus every table in {@code forced}. */
    public Outcome run(Scope scope, Set<String> forced) {
        try (Connection read = Sql.open(from, true); Connection write = Sql.open(to, false)) {
            return copy(scope, forced, read, write);
        } catch (SQLException e) {
            throw Sql.failure("close the connections (" + name + ")", from, null, e);
        }
    }

    private Outcome copy(Scope scope, Set<String> forced, Connection read, Connection write) {
        String table = null;
        DbEndpoint at = from;
        try {
            SourceSnapshot snapshot = SourceSnapshot.begin(read, from);
            at = to;
            prepareTarget(write, to, snapshot);
            Set<String> targetTables = baseTables(write, to.database());
            TriggerSuspension triggers = scope == Scope.ALL ? null
                    : TriggerSuspension.suspend(write, to.database(), to.where());
            try {
                long rowEstimate = snapshot.tables().values().stream().mapToLong(Long::longValue).sum();
                long rows = 0;
                long bytes = 0;
                long deleted = 0;
                List<String> copied = new ArrayList<>();
                for (String t : snapshot.tables().keySet()) {
                    table = t;
                    at = from;
                    String create = SourceSnapshot.createStatement(read, t);
                    List<String> columns = SourceSnapshot.insertableColumns(read, from.database(), t);
                    boolean exists = targetTables.contains(t);
                    at = to;
                    boolean sameShape = exists && normalize(create).equals(normalize(SourceSnapshot.createStatement(write, t)));
                    boolean recreate = scope == Scope.ALL || !sameShape || forced.contains(t);
                    if (!recreate) {
                        if (scope == Scope.SHAPE_DIFFERS) {
                            continue;
                        }
                        at = from;
                        String mine = SourceSnapshot.fingerprint(read, t);
                        at = to;
                        if (mine != null && mine.equals(SourceSnapshot.fingerprint(write, t))) {
                            continue;
                        }
                    }
                    long base = rows;
                    long baseBytes = bytes;
                    long estimate = rowEstimate;
                    TableCopier.Progress tableProgress = (r, b) -> progress.report(Counts.rows(base + r, baseBytes + b),
                            Counts.rows(Math.max(estimate, base + r), 0));
                    long[] done;
                    if (recreate) {
                        Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(t));
                        Sql.execute(write, create);
                        done = TableCopier.copy(read, write, t, columns, true, tableProgress);
                    } else {
                        try (Statement s = write.createStatement()) {
                            deleted += s.executeUpdate("DELETE FROM " + Sql.quote(t));
                        }
                        done = TableCopier.copy(read, write, t, columns, false, tableProgress);
                    }
                    write.commit();
                    rows += done[0];
                    bytes += done[1];
                    copied.add(t);
                    LOG.info("{}: copied table {} ({} rows, {} bytes) from {} to {}", name, Sql.quote(t), done[0], done[1],
                            from.where(), to.where());
                }
                table = null;
                List<String> extra = extraTables(name, write, to, targetTables, snapshot.tables().keySet(),
                        dropMissingTables);
                Optional<SchemaObjects.Outcome> objects = Optional.empty();
                if (definer != null) {
                    objects = Optional.of(new SchemaObjects(name, from, to, definer).copy(read, write));
                }
                at = from;
                snapshot.end();
                return new Outcome(rows, bytes, deleted, copied, snapshot.tables().size(), extra, dropMissingTables,
                        snapshot.binlogPosition().orElse(""), objects);
            } catch (SQLException e) {
                write.rollback();
                throw e;
            } finally {
                if (triggers != null) {
                    triggers.close();
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("copy tables (" + name + ")", at, table, e);
        }
    }

    /** Details every copy reports. */
    public static Map<String, String> details(Outcome outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("tables", String.join(",", outcome.copied()));
        details.put("tablesCopied", Integer.toString(outcome.copied().size()));
        details.put("tablesInSource", Integer.toString(outcome.tablesInSource()));
        if (!outcome.onlyOnTarget().isEmpty()) {
            details.put(outcome.droppedThose() ? "tablesDropped" : "tablesOnlyOnTarget",
                    String.join(",", outcome.onlyOnTarget()));
        }
        if (!outcome.binlogPosition().isEmpty()) {
            details.put("binlog", outcome.binlogPosition());
        }
        outcome.objects().ifPresent(objects -> {
            objects.copied().forEach((kind, names) -> details.put(kind, String.join(",", names)));
            if (!objects.eventsDisabled().isEmpty()) {
                details.put("eventsDisabledOnTarget", String.join(",", objects.eventsDisabled())
                        + " (enable them after the cutover: ALTER EVENT ... ENABLE)");
            }
        });
        return details;
    }

    /**
     * The target's base tables the source does not have: dropped when {@code drop} is set, else left
     * in place with a warning.
     */
    static List<String> extraTables(String name, Connection write, DbEndpoint to, Set<String> targetTables,
            Set<String> sourceTables, boolean drop) {
        List<String> extra = new ArrayList<>(targetTables);
        extra.removeAll(sourceTables);
        if (drop) {
            for (String t : extra) {
                try {
                    Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(t));
                } catch (SQLException e) {
                    throw Sql.failure("drop a table the source does not have (" + name + ")", to, t, e);
                }
            }
        } else if (!extra.isEmpty()) {
            LOG.warn("{}: {} has tables the source does not: {}; left in place (dropMissingTables is off)", name,
                    to.where(), extra);
        }
        return extra;
    }

    static void prepareTarget(Connection write, DbEndpoint to, SourceSnapshot snapshot) throws SQLException {
        Sql.execute(write, "CREATE DATABASE IF NOT EXISTS " + Sql.quote(to.database())
                + (snapshot.charset() == null ? "" : " CHARACTER SET " + snapshot.charset())
                + (snapshot.collation() == null ? "" : " COLLATE " + snapshot.collation()));
        write.setCatalog(to.database());
        try (PreparedStatement ps = write.prepareStatement("SET SESSION sql_mode = ?")) {
            ps.setString(1, snapshot.sqlMode());
            ps.execute();
        }
        Sql.execute(write, "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
        write.setAutoCommit(false);
    }

    static Set<String> baseTables(Connection c, String database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    static String normalize(String create) {
        return create.replaceAll(" AUTO_INCREMENT=\\d+", "");
    }
}
