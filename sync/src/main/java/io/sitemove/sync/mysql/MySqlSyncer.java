package io.sitemove.sync.mysql;

import io.sitemove.remote.db.DbEndpoint;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.sync.mysql.internal.BinlogDelta;
import io.sitemove.sync.mysql.internal.BinlogPosition;
import io.sitemove.sync.mysql.internal.BinlogSettings;
import io.sitemove.sync.mysql.internal.Definer;
import io.sitemove.sync.mysql.internal.EventsAfterCutover;
import io.sitemove.sync.mysql.internal.MySqlPreflight;
import io.sitemove.sync.mysql.internal.ParallelCopy;
import io.sitemove.sync.mysql.internal.SnapshotCopy;
import io.sitemove.sync.mysql.internal.SourceWriteLock;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a MySQL or MariaDB database from the source to the target over JDBC. FULL reads one
 * consistent snapshot with several workers ({@link Builder#workers(int)}: their snapshots open
 * under a brief {@code FLUSH TABLES WITH READ LOCK}, and the binlog position read under it becomes
 * the cursor), recreates every base table on the target and fills it in primary-key chunks (each
 * worker takes a whole table, its chunks in key order, so rows append to the end of the index),
 * streamed and loaded in bulk ({@link BulkLoad}) with foreign-key and unique checks off and
 * secondary indexes built after the load; then its functions, procedures, views, triggers and events, with
 * their definer rewritten to an account the target has ({@link Builder#definer(String)}); events
 * arrive disabled; {@link #cleanup} enables those the source has enabled once the migration is
 * over. DELTA and FINAL read the source's binary log from the last
 * sync's cursor up to where it ends when the delta starts, and apply its row events to the target
 * in order, idempotently, in batched transactions ({@link DeltaMethod#BINLOG}); where the source
 * has no usable binlog they compare both sides by primary-key range (row count and a strong hash of
 * each range, on both servers at once) and replace only the ranges that differ; tables without a
 * primary key or defined differently are compared whole and recopied ({@link DeltaMethod#CHECKSUM}).
 * The checksum delta's details say {@code rangesCompared}, {@code rangesDiffering},
 * {@code rangeRowsCopied} and {@code rangeRowsDeleted}. REVERSE copies target to source
 * (usually by checksum: a target rarely keeps a binlog). Tables the source no longer has are
 * reported, and dropped only with {@link Builder#dropMissingTables(boolean)}.
 *
 * <p>While a delta writes rows, the receiving database's triggers are suspended (dropped and
 * recreated): the source's triggers already did their work, which arrives as rows.
 *
 * <p>FINAL is a delta that first makes the source read-only for the site's database account
 * ({@link Builder#applicationUser(String)}, {@link Builder#lockSourceForFinal(boolean)}); a
 * REVERSE sync gives that account its write privileges back.
 *
 * <p>The cursor is {@code binlog-file:position}. A schema change in the binlog stops a delta with
 * an error naming the statement, unless {@link Builder#recopyTablesOnDdl(boolean)} lets the
 * syncer recopy the changed tables in full.
 *
 * <pre>{@code
 * Syncer db = MySqlSyncer.builder()
 *     .source(new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(oldPassword)))
 *     .target(new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of(newPassword)))
 *     .workers(4)
 *     .deltaMethod(DeltaMethod.AUTO)
 *     .recopyTablesOnDdl(true)
 *     .applicationUser("shop@%")
 *     .build();
 * }</pre>
 */
public final class MySqlSyncer implements Syncer {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSyncer.class);
    private static final Duration SNAPSHOT_LOCK_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final DbEndpoint source;
    private final DbEndpoint target;
    private final boolean dropMissingTables;
    private final DeltaMethod deltaMethod;
    private final boolean recopyTablesOnDdl;
    private final Definer definer;
    private final boolean lockSourceForFinal;
    private final SourceWriteLock applicationUser;
    private final ParallelCopy.Settings copySettings;

    private MySqlSyncer(Builder b) {
        this.name = b.name;
        this.source = b.source;
        this.target = b.target;
        this.dropMissingTables = b.dropMissingTables;
        this.deltaMethod = b.deltaMethod;
        this.recopyTablesOnDdl = b.recopyTablesOnDdl;
        this.definer = b.definer;
        this.lockSourceForFinal = b.lockSourceForFinal;
        this.applicationUser = b.applicationUser;
        this.copySettings = new ParallelCopy.Settings(b.workers, b.bulkLoad == BulkLoad.LOAD_DATA,
                b.buildIndexesAfterLoad, b.chunkRows, SNAPSHOT_LOCK_WAIT);
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
        Map<String, String> lock = new LinkedHashMap<>();
        if (ctx.mode() == SyncMode.FINAL && !reverse) {
            lock.put("sourceLock", lockSource());
        }
        SyncResult result = syncOnce(ctx, from, to, reverse, started);
        if (reverse && lockSourceForFinal && applicationUser != null) {
            lock.put("sourceUnlocked", unlockSource());
        }
        if (lock.isEmpty()) {
            return result;
        }
        Map<String, String> details = new LinkedHashMap<>(result.details());
        details.putAll(lock);
        return new SyncResult(result.moved(), result.deleted(), result.attributesFixed(), result.duration(),
                result.cursor(), details);
    }

    private SyncResult syncOnce(SyncContext ctx, DbEndpoint from, DbEndpoint to, boolean reverse, long started) {
        if (ctx.mode() == SyncMode.FULL) {
            return fullCopy(ctx, from, to, started, reverse ? null : definer);
        }
        Optional<BinlogPosition> cursor = ctx.cursor().flatMap(BinlogPosition::parse);
        Map<String, String> why = new LinkedHashMap<>();
        if (useBinlog(from, cursor, why)) {
            return binlogDelta(ctx, from, to, cursor.orElseThrow(), started);
        }
        return checksumDelta(ctx, from, to, started, why);
    }

    private String lockSource() {
        if (!lockSourceForFinal) {
            return "not locked: lockSourceForFinal is off; the source database accepts writes";
        }
        if (applicationUser == null) {
            LOG.warn("{}: FINAL sync without applicationUser(...): {} was not made read-only", name, source.where());
            return "not locked: no applicationUser(...) given; the source database accepts writes";
        }
        try (Connection c = Sql.open(source, false)) {
            String done = applicationUser.lock(c, source);
            LOG.info("{}: source {} made read-only for the site: {}", name, source.where(), done);
            return done;
        } catch (SQLException e) {
            throw Sql.failure("make the source read-only for " + applicationUser.account() + " (" + name + ")", source,
                    null, e);
        }
    }

    private String unlockSource() {
        try (Connection c = Sql.open(source, false)) {
            String done = applicationUser.restore(c, source);
            LOG.info("{}: source {} writable again for the site: {}", name, source.where(), done);
            return done;
        } catch (SQLException e) {
            throw Sql.failure("give " + applicationUser.account() + " its write privileges back (" + name + ")", source,
                    null, e);
        }
    }

    private boolean useBinlog(DbEndpoint from, Optional<BinlogPosition> cursor, Map<String, String> why) {
        if (deltaMethod == DeltaMethod.CHECKSUM) {
            return false;
        }
        if (cursor.isEmpty()) {
            if (deltaMethod == DeltaMethod.BINLOG) {
                throw MigrationException.permanent("binlog delta (" + name + ") from " + from.where()
                        + " has no binlog cursor from a previous sync; run a FULL sync first");
            }
            why.put("binlogUnavailable", "no binlog cursor from the last sync");
            return false;
        }
        if (deltaMethod == DeltaMethod.BINLOG) {
            return true;
        }
        try (Connection c = Sql.open(from, true)) {
            BinlogSettings settings = BinlogSettings.read(c, from);
            if (!settings.usable()) {
                why.put("binlogUnavailable", String.join("; ", settings.problems()));
                return false;
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("read the binlog settings (" + name + ")", from, null, e);
        }
    }

    private SyncResult binlogDelta(SyncContext ctx, DbEndpoint from, DbEndpoint to, BinlogPosition cursor,
            long started) {
        BinlogDelta.Outcome outcome = new BinlogDelta(name, from, to, recopyTablesOnDdl, ctx.progress()).run(cursor);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("strategy", "binlog");
        details.put("direction", ctx.direction().name());
        details.put("cursorBefore", outcome.before().toString());
        details.put("cursorAfter", outcome.after().toString());
        details.put("rowsWritten", Long.toString(outcome.written()));
        details.put("rowsUpdated", Long.toString(outcome.updated()));
        details.put("rowsDeleted", Long.toString(outcome.deleted()));
        details.put("tables", String.join(",", outcome.rowsByTable().keySet()));
        details.put("binlogBytes", Long.toString(outcome.bytes()));
        if (!outcome.tablesWithoutPrimaryKey().isEmpty()) {
            details.put("tablesWithoutPrimaryKey", String.join(",", new TreeSet<>(outcome.tablesWithoutPrimaryKey())));
            details.put("warning", "tables without a primary key are matched on all their columns, one row at a time;"
                    + " replaying their changes twice duplicates inserts");
        }
        if (outcome.unmatched() > 0) {
            details.put("rowsNotFoundOnTarget", Long.toString(outcome.unmatched()));
        }
        long rows = outcome.written() + outcome.updated();
        long bytes = outcome.bytes();
        long deleted = outcome.deleted();
        if (!outcome.schemaChanges().isEmpty() || !outcome.tablesToRecopy().isEmpty()) {
            SnapshotCopy.Outcome recopy = new SnapshotCopy(name, from, to, dropMissingTables, ctx.progress(),
                    ctx.direction() == Direction.FORWARD ? definer : null)
                    .run(SnapshotCopy.Scope.SHAPE_DIFFERS, outcome.tablesToRecopy());
            details.put("schemaChanges", String.join(" | ", outcome.schemaChanges()));
            details.put("tablesRecopied", String.join(",", recopy.copied()));
            rows += recopy.rows();
            bytes += recopy.bytes();
            if (!recopy.onlyOnTarget().isEmpty()) {
                details.put(dropMissingTables ? "tablesDropped" : "tablesOnlyOnTarget",
                        String.join(",", recopy.onlyOnTarget()));
            }
        }
        return new SyncResult(Counts.rows(rows, bytes), deleted, 0, Duration.ofNanos(System.nanoTime() - started),
                outcome.after().toString(), details);
    }

    private SyncResult fullCopy(SyncContext ctx, DbEndpoint from, DbEndpoint to, long started, Definer objectsDefiner) {
        ParallelCopy.Report report = new ParallelCopy(name, from, to, dropMissingTables, ctx.progress(), objectsDefiner,
                copySettings).run();
        SnapshotCopy.Outcome outcome = report.outcome();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("strategy", "jdbc");
        details.put("direction", ctx.direction().name());
        details.putAll(SnapshotCopy.details(outcome));
        details.putAll(report.details());
        ctx.cursor().ifPresent(c -> details.put("cursorBefore", c));
        if (!outcome.binlogPosition().isEmpty()) {
            details.put("cursorAfter", outcome.binlogPosition());
        }
        return new SyncResult(Counts.rows(outcome.rows(), outcome.bytes()), 0, 0,
                Duration.ofNanos(System.nanoTime() - started), outcome.binlogPosition(), details);
    }

    private SyncResult checksumDelta(SyncContext ctx, DbEndpoint from, DbEndpoint to, long started,
            Map<String, String> why) {
        ParallelCopy.Report report = new ParallelCopy(name, from, to, dropMissingTables, ctx.progress(), null,
                copySettings).runDiffering();
        SnapshotCopy.Outcome outcome = report.outcome();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("strategy", "checksum");
        details.put("direction", ctx.direction().name());
        details.putAll(SnapshotCopy.details(outcome));
        details.putAll(report.details());
        details.putAll(why);
        ctx.cursor().ifPresent(c -> details.put("cursorBefore", c));
        if (!outcome.binlogPosition().isEmpty()) {
            details.put("cursorAfter", outcome.binlogPosition());
        }
        return new SyncResult(Counts.rows(outcome.rows(), outcome.bytes()), outcome.deleted(), 0,
                Duration.ofNanos(System.nanoTime() - started), outcome.binlogPosition(), details);
    }

    /** How deltas find what changed. */
    public DeltaMethod deltaMethod() {
        return deltaMethod;
    }

    /** How many connections a FULL copy reads and writes with at once. */
    public int workers() {
        return copySettings.workers();
    }

    /** How a FULL copy writes rows into the target. */
    public BulkLoad bulkLoad() {
        return copySettings.loadData() ? BulkLoad.LOAD_DATA : BulkLoad.INSERT;
    }

    /** Whether a schema change in the binlog makes the delta recopy the changed tables instead of stopping. */
    public boolean recopyTablesOnDdl() {
        return recopyTablesOnDdl;
    }

    /**
     * At the end of the migration (after the watch window): enables on the target the events that are
     * enabled on the source, which the copy created disabled so they would not run on both servers.
     */
    @Override
    public void cleanup(MigrationContext ctx) {
        EventsAfterCutover.enable(name, source, target);
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> checks = new ArrayList<>(new MySqlPreflight(name).run(source, target));
        if (deltaMethod != DeltaMethod.CHECKSUM) {
            checks.add(new MySqlPreflight(name).binlog(source, deltaMethod == DeltaMethod.BINLOG));
        }
        return checks;
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
        private DeltaMethod deltaMethod = DeltaMethod.AUTO;
        private boolean recopyTablesOnDdl;
        private Definer definer = Definer.currentUser();
        private boolean lockSourceForFinal = true;
        private SourceWriteLock applicationUser;
        private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private BulkLoad bulkLoad = BulkLoad.LOAD_DATA;
        private int chunkRows = 100_000;
        private boolean buildIndexesAfterLoad = true;

        private Builder() {
        }

        /**
         * How many connections a FULL copy reads and writes with at once, 1 to 64; by default
         * min(4, processors). Each takes one table at a time, so more workers than tables do not help. With more than one, the snapshots open under a brief
         * {@code FLUSH TABLES WITH READ LOCK} (held while they open, reported as
         * {@code snapshotLockMillis}); without the RELOAD privilege a MariaDB source is copied by one.
         */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("workers must be 1 to 64, not " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** How a FULL copy writes rows into the target; {@link BulkLoad#LOAD_DATA} by default. */
        public Builder bulkLoad(BulkLoad bulkLoad) {
            this.bulkLoad = Objects.requireNonNull(bulkLoad, "bulkLoad cannot be null");
            return this;
        }

        /**
         * About how many rows a FULL copy reads in one chunk (an integer primary key range, or one
         * page of a composite or text key), and a checksum delta compares in one key range; 100,000
         * by default, at least 100.
         */
        public Builder chunkRows(int rows) {
            if (rows < 100) {
                throw new IllegalArgumentException("chunkRows must be at least 100, not " + rows);
            }
            this.chunkRows = rows;
            return this;
        }

        /**
         * Whether a FULL copy builds the plain and unique secondary indexes of InnoDB tables after
         * loading their rows (one sorted build each) rather than during the load; on by default.
         * Tables with foreign keys, or that one points at, keep their indexes during the load.
         */
        public Builder buildIndexesAfterLoad(boolean after) {
            this.buildIndexesAfterLoad = after;
            return this;
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

        /** How deltas (DELTA, FINAL and REVERSE) find what changed; {@link DeltaMethod#AUTO} by default. */
        public Builder deltaMethod(DeltaMethod method) {
            this.deltaMethod = Objects.requireNonNull(method, "deltaMethod cannot be null");
            return this;
        }

        /**
         * Whether a binlog delta that meets a schema change (ALTER, CREATE, DROP, RENAME, TRUNCATE) on
         * the synced database applies the rows it can and then recopies in full every table whose
         * definition differs; off by default: the delta stops with an error naming the statement.
         */
        public Builder recopyTablesOnDdl(boolean recopy) {
            this.recopyTablesOnDdl = recopy;
            return this;
        }

        /**
         * The account ({@code user@host}) that views, triggers, routines and events get as their
         * definer on the target, which must exist there; by default the target connection's own
         * account ({@code CURRENT_USER}).
         */
        public Builder definer(String account) {
            this.definer = Definer.of(account);
            return this;
        }

        /**
         * Whether a FINAL sync first makes the source database read-only for the site's database
         * account ({@link #applicationUser(String)}); on by default. Without that account the
         * source is not locked, and the result's details say so.
         */
        public Builder lockSourceForFinal(boolean lock) {
            this.lockSourceForFinal = lock;
            return this;
        }

        /**
         * The site's own database account on the source, {@code user@host} (e.g. {@code wp@%}).
         * A FINAL sync revokes its INSERT, UPDATE, DELETE, CREATE, DROP and ALTER on the database
         * and ends its sessions before the last delta; a REVERSE sync (rollback) grants them back.
         */
        public Builder applicationUser(String account) {
            this.applicationUser = new SourceWriteLock(account);
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
