package io.sitemove.sync.mysql;

import io.sitemove.remote.PluginNames;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.sync.mysql.internal.Definer;
import io.sitemove.sync.mysql.internal.EventsAfterCutover;
import io.sitemove.sync.mysql.internal.ExistingTables;
import io.sitemove.sync.mysql.internal.MySqlPreflight;
import io.sitemove.sync.mysql.internal.MySqlSync;
import io.sitemove.sync.mysql.internal.SourceWriteLock;
import io.sitemove.sync.mysql.internal.copy.CopySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
 * Each result's details are one of the {@link MySqlSyncDetails} records: {@link MySqlCopyDetails},
 * {@link MySqlBinlogDeltaDetails} or {@link MySqlChecksumDeltaDetails}. REVERSE copies target to source
 * (usually by checksum: a target rarely keeps a binlog). Tables the source no longer has are
 * reported, and dropped only with {@link Builder#dropMissingTables(boolean)}. A FULL copy into a target
 * that already holds tables of the source's names is refused, in preflight and by the sync itself
 * ({@link ExistingTablesException}), unless {@link Builder#replaceExisting(boolean)} or a named list
 * ({@link Builder#replaceExisting(String...)}) says they may be replaced.
 *
 * <p>While a delta writes rows, the receiving database's triggers are suspended (dropped and
 * recreated): the source's triggers already did their work, which arrives as rows.
 *
 * <p>FINAL is a delta that first makes the source read-only for the site's database account
 * ({@link Builder#applicationUser(String)}); a REVERSE sync gives that account its write privileges
 * back. A syncer whose FINAL sync would leave the source writable is refused when built, unless
 * {@link Builder#lockSourceForFinal(boolean) lockSourceForFinal(false)} says so.
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
    private static final Duration SNAPSHOT_LOCK_WAIT = Duration.ofSeconds(10);
    /** How long a table's deferred index build may run without a word from the target by default: 6 h. */
    public static final Duration DEFAULT_INDEX_BUILD_TIMEOUT = Duration.ofHours(6);

    private final MySqlSync.Settings settings;
    private final MySqlSync sync;

    private MySqlSyncer(Builder b) {
        this.settings = new MySqlSync.Settings(b.name, b.source, b.target, b.dropMissingTables, b.deltaMethod,
                b.recopyTablesOnDdl, b.definer, b.lockSourceForFinal, b.applicationUser, new CopySettings(b.workers,
                b.bulkLoad == BulkLoad.LOAD_DATA, b.buildIndexesAfterLoad, b.chunkRows, SNAPSHOT_LOCK_WAIT,
                b.indexBuildTimeout),
                new ExistingTables.Replace(b.replaceAll, b.replaceNamed));
        this.sync = new MySqlSync(settings);
    }

    /** Starts a MySQL syncer. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Set<String> writes() {
        DbEndpoint target = settings.target();
        return Set.of("mysql:" + target.host() + ":" + target.port() + "/" + target.database());
    }

    /** The source database. */
    public DbEndpoint source() {
        return settings.source();
    }

    /** The target database. */
    public DbEndpoint target() {
        return settings.target();
    }

    /** Runs one sync; its result's details are a {@link MySqlSyncDetails} record. */
    @Override
    public SyncResult sync(SyncContext ctx) {
        return sync.sync(ctx);
    }

    /** How deltas find what changed. */
    public DeltaMethod deltaMethod() {
        return settings.deltaMethod();
    }

    /** How many connections a FULL copy reads and writes with at once. */
    public int workers() {
        return settings.copy().workers();
    }

    /** How a FULL copy writes rows into the target. */
    public BulkLoad bulkLoad() {
        return settings.copy().loadData() ? BulkLoad.LOAD_DATA : BulkLoad.INSERT;
    }

    /** Whether a schema change in the binlog makes the delta recopy the changed tables instead of stopping. */
    public boolean recopyTablesOnDdl() {
        return settings.recopyTablesOnDdl();
    }

    /**
     * At the end of the migration (after the watch window): enables on the target the events that are
     * enabled on the source, which the copy created disabled so they would not run on both servers.
     */
    @Override
    public void cleanup(MigrationContext ctx) {
        EventsAfterCutover.enable(settings.name(), settings.source(), settings.target());
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        MySqlPreflight preflight = new MySqlPreflight(settings.name());
        List<CheckResult> checks = new ArrayList<>(preflight.run(settings.source(), settings.target()));
        if (checks.stream().noneMatch(c -> !c.passed() && c.check().startsWith("connect to "))) {
            checks.add(preflight.existingTables(sync.existing(), settings.source(), settings.target()));
        }
        if (settings.deltaMethod() != DeltaMethod.CHECKSUM) {
            checks.add(preflight.binlog(settings.source(), settings.deltaMethod() == DeltaMethod.BINLOG));
        }
        return checks;
    }

    @Override
    public String toString() {
        return "MySqlSyncer[" + settings.name() + ": " + settings.source().where() + " -> " + settings.target().where()
                + "]";
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
        private boolean lockSourceForFinalSaid;
        private SourceWriteLock applicationUser;
        private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private BulkLoad bulkLoad = BulkLoad.LOAD_DATA;
        private int chunkRows = 100_000;
        private boolean buildIndexesAfterLoad = true;
        private Duration indexBuildTimeout = DEFAULT_INDEX_BUILD_TIMEOUT;
        private boolean replaceAll;
        private final Set<String> replaceNamed = new TreeSet<>();

        private Builder() {
        }

        /**
         * How many connections a FULL copy reads and writes with at once, 1 to 64; by default
         * min(4, processors). Each takes one table at a time, so more workers than tables do not help.
         * With more than one, the snapshots open under a brief {@code FLUSH TABLES WITH READ LOCK} (held
         * while they open, reported as {@link CopyFigures#snapshotLockMillis()}); without the RELOAD
         * privilege a MariaDB source is copied by one. A delta that recopies whole tables uses as many.
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

        /**
         * The longest the target may work on one table's deferred secondary indexes without a word
         * (the statement sends nothing until the build is done, so the target endpoint's read-idle
         * timeout would cut off a large table's build); {@link #DEFAULT_INDEX_BUILD_TIMEOUT} by default.
         */
        public Builder indexBuildTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "indexBuildTimeout cannot be null");
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("indexBuildTimeout must be between 1 ms and 24 days: " + timeout);
            }
            this.indexBuildTimeout = timeout;
            return this;
        }

        /** The syncer's name in the plan; "db" by default. */
        public Builder name(String name) {
            this.name = PluginNames.check(name);
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

        /**
         * Whether a FULL copy may drop and recreate the tables the target database already holds under
         * the source's table names; off by default: preflight fails naming them, and the FULL sync is
         * refused with an {@link ExistingTablesException} before anything is written. Deltas and the
         * rollback's REVERSE sync are not concerned.
         */
        public Builder replaceExisting(boolean replace) {
            this.replaceAll = replace;
            return this;
        }

        /** Lets a FULL copy replace only these tables of the target (see {@link #replaceExisting(boolean)}). */
        public Builder replaceExisting(String... tables) {
            Objects.requireNonNull(tables, "tables cannot be null");
            for (String t : tables) {
                Objects.requireNonNull(t, "table cannot be null");
                if (t.isBlank()) {
                    throw new IllegalArgumentException("a table name cannot be blank");
                }
                replaceNamed.add(t);
            }
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
         * account ({@link #applicationUser(String)}); on by default. {@code false} leaves the source
         * writable through the final sync (the site's writes are stopped another way), and its details say
         * so; without it, a syncer with no application user is refused by {@link #build()}.
         */
        public Builder lockSourceForFinal(boolean lock) {
            this.lockSourceForFinal = lock;
            this.lockSourceForFinalSaid = true;
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
            if (lockSourceForFinal && applicationUser == null) {
                throw new IllegalStateException("the FINAL sync of MySQL syncer '" + name + "' would leave the"
                        + " source " + source.where() + " writable: give the site's database account with"
                        + " applicationUser(\"user@host\") so that the final sync revokes its writes, or say"
                        + " lockSourceForFinal(false) if the site's writes are stopped another way"
                        + (lockSourceForFinalSaid ? " (lockSourceForFinal(true) needs that account)" : ""));
            }
            return new MySqlSyncer(this);
        }
    }
}
