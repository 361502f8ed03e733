package io.sitemove.verify;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.BinlogChanges;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.verify.internal.Verdict;
import io.sitemove.verify.internal.db.DatabaseCheck;
import io.sitemove.verify.internal.db.DatabaseSummary;
import io.sitemove.verify.internal.db.DbFindings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a MySQL/MariaDB database on the source with its copy on the target, every table on both
 * servers at once by the same SQL: row counts and a content hash per primary-key range (the sum of each
 * row's MD5 over the checksum delta's row image: every column's exact bytes, NULL and boundaries marked,
 * the key included), computed in the servers. Ranges that differ are split and hashed again, then compared
 * row by row, so a finding names the table and the key ({@code table `orders` id=3}); tables without a
 * primary key are compared whole.
 *
 * <p>A source still live keeps changing after the last sync. When the context holds a last sync of the
 * syncer this verifier is bound to, with a binlog cursor, the source's binary log is read from that cursor
 * to now, and a difference on a row changed there is a pending finding, not a fault. During the cutover
 * (source read-only) everything must match. {@link Mode#FAST}, the default at {@link VerifyStage#CUTOVER},
 * compares only the rows whose keys the last delta touched (read from the binary log between the sync
 * before the last one and the last one) or the source changed since, plus every table's row count, so its
 * cost grows with the changes, not with the database.
 *
 * <pre>{@code
 * MySqlSyncer db = MySqlSyncer.builder().source(oldDb).target(newDb).build();
 * Verifier rows = DatabaseVerifier.builder()
 *         .against(db)                      // its endpoints, and its syncs for pending changes
 *         .exclude("wp_sessions")
 *         .keysPerTable(20)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DatabaseVerifier implements Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseVerifier.class);
    private static final int RANGE_ROWS = 10_000;

    /** How much of the database a verification compares. */
    public enum Mode {
        /** Every row of every table, by range hashes. */
        FULL,
        /** Every table's row count, and the rows whose keys the last delta touched. */
        FAST
    }

    private final DbEndpoint source;
    private final DbEndpoint target;
    private final String syncer;
    private final String name;
    private final Set<VerifyStage> stages;
    private final int parallelism;
    private final Set<String> excluded;
    private final int keysPerTable;
    private final Mode mode;

    private DatabaseVerifier(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.syncer = b.syncer;
        this.name = b.name;
        this.stages = Set.copyOf(b.stages);
        this.parallelism = b.parallelism;
        this.excluded = Set.copyOf(b.excluded);
        this.keysPerTable = b.keysPerTable;
        this.mode = b.mode;
    }

    /** A builder; {@code against(syncer)} or {@code source(...)} and {@code target(...)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** FUNCTIONAL and CUTOVER unless the builder said otherwise. */
    @Override
    public Set<VerifyStage> stages() {
        return stages;
    }

    /** The source database. */
    public DbEndpoint source() {
        return source;
    }

    /** The target database. */
    public DbEndpoint target() {
        return target;
    }

    /** The name of the syncer whose syncs tell what is pending, if bound to one. */
    public Optional<String> syncer() {
        return Optional.ofNullable(syncer);
    }

    /** The mode, when fixed by the builder; else FULL at FUNCTIONAL and FAST at CUTOVER. */
    public Optional<Mode> mode() {
        return Optional.ofNullable(mode);
    }

    /** The mode a verification at this stage runs in. */
    public Mode modeAt(VerifyStage stage) {
        return mode != null ? mode : stage == VerifyStage.CUTOVER ? Mode.FAST : Mode.FULL;
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        Optional<BinlogPosition> last = cursor(syncer == null ? Optional.empty() : ctx.lastSync(syncer));
        List<String> notes = new ArrayList<>();
        BinlogChanges lastDelta = null;
        if (modeAt(ctx.stage()) == Mode.FAST) {
            lastDelta = lastDelta(ctx, last, notes);
        }
        DatabaseCheck.Outcome outcome = new DatabaseCheck(source, target, parallelism, excluded, RANGE_ROWS)
                .run(lastDelta, rows -> ctx.progress().report(Counts.rows(rows, 0), Counts.ZERO));
        BinlogChanges pending = null;
        if (outcome.differs() && ctx.stage() != VerifyStage.CUTOVER && last.isPresent()) {
            pending = pendingSince(last.get(), notes);
        }
        DbFindings findings = new DbFindings(keysPerTable, pending).add(outcome);
        return Verification.of(name, DatabaseSummary.of(source, target, outcome, findings, lastDelta, notes),
                findings.list(), Duration.ofNanos(System.nanoTime() - start));
    }

    private BinlogChanges lastDelta(VerifyContext ctx, Optional<BinlogPosition> last, List<String> notes) {
        Optional<BinlogPosition> before = cursor(syncer == null ? Optional.empty() : ctx.syncBeforeLast(syncer));
        if (last.isEmpty() || before.isEmpty()) {
            notes.add("fast mode compared every table: no two syncs of " + (syncer == null ? "a syncer" : "'" + syncer
                    + "'") + " with binlog cursors bound the last delta");
            return null;
        }
        try {
            return BinlogChanges.read(source, before.get(), last.get()).plus(BinlogChanges.read(source, last.get(), null));
        } catch (MigrationException e) {
            LOG.warn("{}: fast mode cannot read what the last delta changed, so every table is compared: {}", name,
                    e.getMessage());
            notes.add("fast mode compared every table: the binlog " + before.get() + " -> " + last.get()
                    + " could not be read");
            return null;
        }
    }

    private BinlogChanges pendingSince(BinlogPosition last, List<String> notes) {
        try {
            return BinlogChanges.read(source, last, null);
        } catch (MigrationException e) {
            LOG.warn("{}: cannot read the changes since the last sync, so none is taken as pending: {}", name,
                    e.getMessage());
            notes.add("changes since the last sync (" + last + ") unknown: the binlog could not be read");
            return null;
        }
    }

    private static Optional<BinlogPosition> cursor(Optional<EntryData.Synced> sync) {
        return sync.flatMap(s -> BinlogPosition.parse(s.result().cursor()));
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        return List.of(preflight("source", source), preflight("target", target));
    }

    private CheckResult preflight(String side, DbEndpoint db) {
        String check = "database " + db.where() + " on " + side;
        try (Connection connection = Sql.open(db, false)) {
            if (!exists(connection, db.database())) {
                return side.equals("target")
                        ? CheckResult.pass(name, check, "connects; the database does not exist yet (the initial sync creates it)")
                        : CheckResult.fail(name, check, "the database does not exist; create it or fix the name");
            }
            return CheckResult.pass(name, check, "connects, database exists");
        } catch (SQLException e) {
            return CheckResult.failed(name, check, Sql.failure("check the database", db, null, e));
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(name, check, e);
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String toString() {
        return "DatabaseVerifier[" + name + ": " + source.where() + " -> " + target.where()
                + (syncer == null ? "" : ", syncs of '" + syncer + "'") + (mode == null ? "" : ", " + mode) + "]";
    }

    /**
     * Builds a {@link DatabaseVerifier}; validates as it goes. Either {@link #against} a syncer, or
     * {@link #source} and {@link #target} (and, for pending changes, {@link #syncer(String)}).
     */
    public static final class Builder {
        private DbEndpoint source;
        private DbEndpoint target;
        private String syncer;
        private boolean bound;
        private String name = "database";
        private Set<VerifyStage> stages = Verdict.BEFORE_WATCH;
        private int parallelism = 4;
        private final Set<String> excluded = new LinkedHashSet<>();
        private int keysPerTable = 20;
        private Mode mode;

        private Builder() {
        }

        /**
         * Compares what this syncer copies: its source and target endpoints, and its syncs (by its name) tell
         * what is pending and what the last delta touched.
         *
         * @throws IllegalStateException when source or target were given already
         */
        public Builder against(MySqlSyncer syncer) {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            if (source != null || target != null) {
                throw new IllegalStateException("against(syncer) takes the syncer's endpoints; source and target"
                        + " were given already");
            }
            this.source = syncer.source();
            this.target = syncer.target();
            this.syncer = syncer.name();
            this.bound = true;
            return this;
        }

        /** The source database (not with {@link #against}). */
        public Builder source(DbEndpoint source) {
            Objects.requireNonNull(source, "source cannot be null");
            requireUnbound("source");
            this.source = source;
            return this;
        }

        /** The target database (not with {@link #against}). */
        public Builder target(DbEndpoint target) {
            Objects.requireNonNull(target, "target cannot be null");
            requireUnbound("target");
            this.target = target;
            return this;
        }

        /** The name of the syncer whose syncs (in the context) tell what is pending (not with {@link #against}). */
        public Builder syncer(String syncerName) {
            Objects.requireNonNull(syncerName, "syncerName cannot be null");
            if (syncerName.isBlank()) {
                throw new IllegalArgumentException("syncerName cannot be blank");
            }
            requireUnbound("syncer");
            this.syncer = syncerName;
            return this;
        }

        private void requireUnbound(String what) {
            if (bound) {
                throw new IllegalStateException(what + " comes from the syncer given to against(); leave it out");
            }
        }

        /** The name in reports; "database" by default. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name cannot be blank");
            }
            this.name = name;
            return this;
        }

        /** The stages it runs at; FUNCTIONAL and CUTOVER by default. */
        public Builder stages(VerifyStage... stages) {
            Objects.requireNonNull(stages, "stages cannot be null");
            if (stages.length == 0) {
                throw new IllegalArgumentException("stages cannot be empty");
            }
            Arrays.stream(stages).forEach(s -> Objects.requireNonNull(s, "stage cannot be null"));
            this.stages = EnumSet.copyOf(Arrays.asList(stages));
            return this;
        }

        /** How many tables are compared at once, each with one connection per server; 4 by default. */
        public Builder parallelism(int tables) {
            if (tables < 1 || tables > 64) {
                throw new IllegalArgumentException("parallelism must be 1 to 64, was " + tables);
            }
            this.parallelism = tables;
            return this;
        }

        /** Tables left out of the comparison (caches, sessions), by exact name. */
        public Builder exclude(String... tables) {
            Objects.requireNonNull(tables, "tables cannot be null");
            for (String t : tables) {
                Objects.requireNonNull(t, "table cannot be null");
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("a table name cannot be empty");
                }
                excluded.add(t);
            }
            return this;
        }

        /** How many differing keys are listed per table (the rest are counted); 20 by default. */
        public Builder keysPerTable(int keys) {
            if (keys < 1 || keys > 10_000) {
                throw new IllegalArgumentException("keysPerTable must be 1 to 10000, was " + keys);
            }
            this.keysPerTable = keys;
            return this;
        }

        /** The mode at every stage; without it, FULL at FUNCTIONAL and FAST at CUTOVER. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode cannot be null");
            return this;
        }

        /** The verifier. */
        public DatabaseVerifier build() {
            if (source == null || target == null) {
                throw new IllegalStateException("a database verifier needs against(syncer), or source(...) and"
                        + " target(...)");
            }
            if (source.host().equals(target.host()) && source.port() == target.port()
                    && source.database().equals(target.database())) {
                throw new IllegalStateException("source and target are the same database " + source.where());
            }
            return new DatabaseVerifier(this);
        }
    }
}
