package io.sitemove.sync;

import io.sitemove.Counts;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.sync.internal.MySqlPreflight;
import io.sitemove.sync.internal.SourceSnapshot;
import io.sitemove.sync.internal.Sql;
import io.sitemove.sync.internal.TableCopier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a MySQL or MariaDB database from the source to the target over JDBC. FULL reads a
 * consistent snapshot (with its binlog position on MariaDB) and recreates every base table on the
 * target; DELTA and FINAL compare each table ({@code CHECKSUM TABLE}, row count, definition) and
 * recopy only those that differ, each replaced inside one target transaction. REVERSE copies target
 * to source. Tables the source no longer has are reported, and dropped only with
 * {@link Builder#dropMissingTables(boolean)}.
 *
 * <pre>{@code
 * Syncer db = MySqlSyncer.builder()
 *     .source(new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(oldPassword)))
 *     .target(new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of(newPassword)))
 *     .build();
 * }</pre>
 */
public final class MySqlSyncer implements Syncer {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSyncer.class);

    private final String name;
    private final DbEndpoint source;
    private final DbEndpoint target;
    private final boolean dropMissingTables;

    private MySqlSyncer(Builder b) {
        this.name = b.name;
        this.source = b.source;
        this.target = b.target;
        this.dropMissingTables = b.dropMissingTables;
    }

    /** Starts a MySQL syncer. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> writes() {
        return Set.of("mysql:" + target.host() + ":" + target.port() + "/" + target.database());
    }

    /** The source database. */
    public DbEndpoint source() {
        return source;
    }

    /** The target database. */
    public DbEndpoint target() {
        return target;
    }

    @Override
    public SyncResult sync(SyncContext ctx) {
        long started = System.nanoTime();
        boolean reverse = ctx.direction() == Direction.REVERSE;
        DbEndpoint from = reverse ? target : source;
        DbEndpoint to = reverse ? source : target;
        return ctx.retry().call(name + ": copy " + from.where() + " to " + to.where(), () -> {
            try (Connection read = Sql.open(from, true); Connection write = Sql.open(to, false)) {
                return copy(ctx, from, to, read, write, started);
            }
        });
    }

    private SyncResult copy(SyncContext ctx, DbEndpoint from, DbEndpoint to, Connection read, Connection write,
            long started) {
        String table = null;
        DbEndpoint at = from;
        try {
            SourceSnapshot snapshot = SourceSnapshot.begin(read, from);
            at = to;
            prepareTarget(write, to, snapshot);
            Set<String> targetTables = baseTables(write, to.database());
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
                boolean sameShape = exists && normalize(create).equals(normalize(SourceSnapshot.createStatement(write, t)));
                if (ctx.mode() != SyncMode.FULL && sameShape) {
                    String mine = SourceSnapshot.fingerprint(read, t);
                    at = to;
                    if (mine != null && mine.equals(SourceSnapshot.fingerprint(write, t))) {
                        continue;
                    }
                }
                at = to;
                long base = rows;
                long baseBytes = bytes;
                long estimate = rowEstimate;
                TableCopier.Progress progress = (r, b) -> ctx.progress().report(Counts.rows(base + r, baseBytes + b),
                        Counts.rows(Math.max(estimate, base + r), 0));
                long[] done;
                if (ctx.mode() == SyncMode.FULL || !sameShape) {
                    Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(t));
                    Sql.execute(write, create);
                    done = TableCopier.copy(read, write, t, columns, true, progress);
                } else {
                    try (Statement s = write.createStatement()) {
                        deleted += s.executeUpdate("DELETE FROM " + Sql.quote(t));
                    }
                    done = TableCopier.copy(read, write, t, columns, false, progress);
                }
                write.commit();
                rows += done[0];
                bytes += done[1];
                copied.add(t);
                LOG.info("{}: copied table {} ({} rows) from {} to {}", name, Sql.quote(t), done[0], from.where(),
                        to.where());
            }
            table = null;
            List<String> extra = new ArrayList<>(targetTables);
            extra.removeAll(snapshot.tables().keySet());
            if (dropMissingTables) {
                for (String t : extra) {
                    table = t;
                    Sql.execute(write, "DROP TABLE IF EXISTS " + Sql.quote(t));
                }
                table = null;
            } else if (!extra.isEmpty()) {
                LOG.warn("{}: {} has tables the source does not: {}; left in place (dropMissingTables is off)",
                        name, to.where(), extra);
            }
            at = from;
            snapshot.end();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("strategy", "jdbc");
            details.put("direction", ctx.direction().name());
            details.put("tables", String.join(",", copied));
            details.put("tablesCopied", Integer.toString(copied.size()));
            details.put("tablesInSource", Integer.toString(snapshot.tables().size()));
            if (!extra.isEmpty()) {
                details.put(dropMissingTables ? "tablesDropped" : "tablesOnlyOnTarget", String.join(",", extra));
            }
            snapshot.binlogPosition().ifPresent(p -> details.put("binlog", p));
            return new SyncResult(Counts.rows(rows, bytes), deleted, 0, Duration.ofNanos(System.nanoTime() - started),
                    snapshot.binlogPosition().orElse(""), details);
        } catch (SQLException e) {
            throw Sql.failure(ctx.mode() + " sync (" + name + ")", at, table, e);
        }
    }

    private static void prepareTarget(Connection write, DbEndpoint to, SourceSnapshot snapshot) throws SQLException {
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

    private static Set<String> baseTables(Connection c, String database) throws SQLException {
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

    private static String normalize(String create) {
        return create.replaceAll(" AUTO_INCREMENT=\\d+", "");
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        return new MySqlPreflight(name).run(source, target);
    }

    @Override
    public String toString() {
        return "MySqlSyncer[" + name + ": " + source.where() + " -> " + target.where() + "]";
    }

    /** Builds a {@link MySqlSyncer}; validates each value as it is set. */
    public static final class Builder {
        private String name = "db";
        private DbEndpoint source;
        private DbEndpoint target;
        private boolean dropMissingTables;

        private Builder() {
        }

        /** The syncer's name in the plan; "db" by default. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name cannot be blank");
            }
            this.name = name;
            return this;
        }

        /** The database to copy from. */
        public Builder source(DbEndpoint source) {
            this.source = Objects.requireNonNull(source, "source cannot be null");
            return this;
        }

        /** The database to copy into; created when missing. */
        public Builder target(DbEndpoint target) {
            this.target = Objects.requireNonNull(target, "target cannot be null");
            return this;
        }

        /** Whether tables the source no longer has are dropped on the target; off by default (reported only). */
        public Builder dropMissingTables(boolean drop) {
            this.dropMissingTables = drop;
            return this;
        }

        /** Builds the syncer. */
        public MySqlSyncer build() {
            if (source == null || target == null) {
                throw new IllegalStateException("a MySQL syncer needs source(...) and target(...)");
            }
            if (source.host().equals(target.host()) && source.port() == target.port()
                    && source.database().equals(target.database())) {
                throw new IllegalStateException("source and target are the same database " + source.where());
            }
            return new MySqlSyncer(this);
        }
    }
}
