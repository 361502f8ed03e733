package io.sitemove.verify;

import io.sitemove.MigrationException;
import io.sitemove.remote.Bounds;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.PluginNames;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.verify.internal.schema.Checks;
import io.sitemove.verify.internal.schema.Schema;
import io.sitemove.verify.internal.schema.SchemaChanges;
import io.sitemove.verify.internal.schema.SchemaDiff;
import io.sitemove.verify.internal.schema.SchemaPreflight;
import io.sitemove.verify.internal.schema.SchemaReader;
import io.sitemove.verify.internal.schema.SchemaSummary;
import io.sitemove.verify.internal.schema.TableFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the schema of a MySQL/MariaDB database on the source with its copy on the target, reading
 * information_schema on both servers at once: each base table's kind, engine and default collation;
 * its columns (order, type, nullability, default, extra, charset and collation), indexes (name, columns
 * in order with prefix lengths and direction, uniqueness, kind) and foreign keys; views (definition
 * normalised: the database's own name and extra white space dropped), triggers, procedures, functions
 * (parameters, return type, body, characteristics) and events (body, schedule, status). Every
 * difference is a {@link Finding} whose check is one of {@code table}, {@code column},
 * {@code column-type}, {@code column-null}, {@code column-default}, {@code column-extra},
 * {@code collation}, {@code index}, {@code foreign-key}, {@code view}, {@code trigger}, {@code routine},
 * {@code event}, {@code event-status}, {@code event-disabled}, {@code definer}, {@code unreadable} and
 * {@code privilege} (the migration user lacks a privilege without which the server hides part of the schema),
 * and whose subject names the place ({@code table `wp_posts` column `post_title`},
 * {@code table `wp_posts` index `type_status_date`}, {@code trigger `stamp` on table `orders`}).
 *
 * <pre>{@code
 * Verifier schema = SchemaVerifier.builder()
 *     .against(mysqlSyncer)                      // the syncer's source and target databases
 *     .excludeTables("wp_wfhits", "cache_*")
 *     .rule("definer", Finding.Severity.INFO)    // definers rewritten on purpose
 *     .build();
 * }</pre>
 *
 * <p>Every check blocks by default except {@code definer} and {@code event-status} (warnings: the MySQL
 * syncer rewrites definers to an account the target has), {@code privilege} (a warning: a privilege held
 * through a role is not seen) and {@code event-disabled} (a note: the
 * syncer holds events disabled on the target until the migration is over; in the watch window it
 * becomes an {@code event-status} warning). {@link Builder#rule(String, Finding.Severity)} changes a
 * check's severity. Each server is read with a handful of queries whatever the number of tables, each
 * bounded by the endpoint's connect timeout and by {@link Builder#queryTimeout(Duration)}. Instances
 * are immutable and thread-safe.
 */
public final class SchemaVerifier implements Verifier {
    /** The longest each information_schema query may run by default: 2 min. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final DbEndpoint source;
    private final DbEndpoint target;
    private final Set<VerifyStage> stages;
    private final Checks checks;
    private final TableFilter excluded;
    private final Duration queryTimeout;
    private final String syncer;
    private final boolean recopyTablesOnDdl;

    private SchemaVerifier(Builder b) {
        this.name = b.name;
        this.source = b.source;
        this.target = b.target;
        this.stages = Collections.unmodifiableSet(EnumSet.copyOf(b.stages));
        this.checks = b.checks;
        this.excluded = b.excluded;
        this.queryTimeout = b.queryTimeout;
        this.syncer = b.syncer;
        this.recopyTablesOnDdl = b.recopyTablesOnDdl;
    }

    /** Starts a schema verifier. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<VerifyStage> stages() {
        return stages;
    }

    /**
     * Reads both schemas at once and compares them; the findings name each difference's place. Built
     * {@link Builder#against(MySqlSyncer) against} a syncer, at FUNCTIONAL the tables and objects that
     * the source's binlog shows changed since that syncer's last sync are pending: compared with what
     * the sync delivered, the target is one sync behind, by design. At CUTOVER, with the source
     * read-only, everything must match.
     */
    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        Optional<String> cursor = syncer == null || ctx.stage() != VerifyStage.FUNCTIONAL ? Optional.empty()
                : ctx.lastSync(syncer).map(s -> s.result().cursor()).filter(c -> !c.isEmpty());
        Parallel.Both<Read> read = Parallel.onBoth("read schema", () -> read(source, "source", cursor),
                () -> read(target, "target", Optional.empty()));
        SchemaDiff.Outcome outcome = new SchemaDiff(checks, ctx.stage() != VerifyStage.WATCH, read.source().changes(),
                pendingRemedy()).compare(read.source().schema(), read.target().schema());
        String summary = SchemaSummary.of(outcome, read.source().schema(), "in " + source.where() + " and " + target.where());
        List<Finding> findings = new ArrayList<>();
        read.source().access().ifPresent(findings::add);
        read.target().access().ifPresent(findings::add);
        findings.addAll(outcome.findings().list());
        return Verification.of(name, summary, findings, Duration.ofNanos(System.nanoTime() - start));
    }

    private String pendingRemedy() {
        return "changed on the source since the last sync; the next delta sync carries it"
                + (recopyTablesOnDdl ? "" : ", if the MySQL syncer is built with recopyTablesOnDdl(true) (else it stops"
                        + " at this change)");
    }

    private record Read(Schema schema, SchemaChanges changes, Optional<Finding> access) {
    }

    /** A finding when the account lacks a privilege without which information_schema hides part of the schema. */
    private Optional<Finding> access(Connection c, DbEndpoint db, String side) throws SQLException {
        SchemaPreflight preflight = new SchemaPreflight(name, queryTimeout);
        List<String> missing = preflight.missing(c, db);
        Optional<String> routines = preflight.routineGrantMissing(c, db);
        if (missing.isEmpty() && routines.isEmpty()) {
            return Optional.empty();
        }
        List<String> lacks = new ArrayList<>(missing);
        routines.ifPresent(r -> lacks.add("read access to routines"));
        List<String> grants = new ArrayList<>();
        if (!missing.isEmpty()) {
            grants.add(SchemaPreflight.grant(c, db, missing));
        }
        routines.ifPresent(grants::add);
        return Optional.of(checks.finding(Checks.PRIVILEGE, "database " + Sql.quote(db.database()) + " on the " + side,
                String.join(", ", lacks) + " held by " + db.user(), "not held (by global or database grants), so "
                        + SchemaPreflight.hidden(lacks) + " may be missing from the comparison", String.join("; ", grants)));
    }

    private Read read(DbEndpoint db, String side, Optional<String> changesSince) {
        try (Connection connection = Sql.open(db, false)) {
            if (!exists(connection, db.database())) {
                throw MigrationException.permanent("database " + db.where() + " does not exist; create it or fix the"
                        + " database name");
            }
            Schema schema = new SchemaReader(connection, db.database(), queryTimeout, excluded).read();
            SchemaChanges changes = changesSince.map(c -> SchemaChanges.since(connection, db.database(), c, queryTimeout))
                    .orElse(SchemaChanges.none());
            return new Read(schema, changes, access(connection, db, side));
        } catch (SQLException e) {
            if (e instanceof java.sql.SQLTimeoutException) {
                throw MigrationException.of("could not read the schema on " + db.where() + ": a query ran longer than "
                        + Bounds.describe(queryTimeout) + " (the schema verifier's query timeout); try again, or raise"
                        + " it with queryTimeout(...)", e, true);
            }
            throw Sql.failure("read the schema", db, null, e);
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

    /** Checks on both servers that the migration user can read the schema, naming any missing privilege. */
    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        SchemaPreflight preflight = new SchemaPreflight(name, queryTimeout);
        Parallel.Both<CheckResult> checked = Parallel.onBoth("check schema access", () -> preflight.check("source", source),
                () -> preflight.check("target", target));
        return List.of(checked.source(), checked.target());
    }

    @Override
    public String toString() {
        return "SchemaVerifier[" + name + ": " + source.where() + " -> " + target.where()
                + (excluded.patterns().isEmpty() ? "" : ", excluding " + excluded.patterns())
                + (checks.changed().isEmpty() ? "" : ", rules " + checks.changed()) + "]";
    }

    /** Builds a {@link SchemaVerifier}; validates as it goes. Not thread-safe. */
    public static final class Builder {
        private String name = "schema";
        private DbEndpoint source;
        private DbEndpoint target;
        private boolean fromSyncer;
        private Set<VerifyStage> stages = EnumSet.allOf(VerifyStage.class);
        private Checks checks = Checks.defaults();
        private TableFilter excluded = TableFilter.none();
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private String syncer;
        private boolean recopyTablesOnDdl;

        private Builder() {
        }

        /** The name in reports; {@code "schema"} by default. */
        public Builder name(String name) {
            this.name = PluginNames.check(name);
            return this;
        }

        /**
         * The source database.
         *
         * @throws IllegalStateException after {@link #against(MySqlSyncer)}
         */
        public Builder source(DbEndpoint source) {
            Objects.requireNonNull(source, "source cannot be null");
            if (fromSyncer) {
                throw new IllegalStateException("the source is already the MySQL syncer's; give against(...) or source(...), not both");
            }
            this.source = source;
            return this;
        }

        /**
         * The target database.
         *
         * @throws IllegalStateException after {@link #against(MySqlSyncer)}
         */
        public Builder target(DbEndpoint target) {
            Objects.requireNonNull(target, "target cannot be null");
            if (fromSyncer) {
                throw new IllegalStateException("the target is already the MySQL syncer's; give against(...) or target(...), not both");
            }
            this.target = target;
            return this;
        }

        /**
         * Compares the databases the syncer copies: its source with its target. Before the cutover, what
         * the source changed since this syncer's last sync is then reported as pending (see
         * {@link SchemaVerifier#verify}).
         *
         * @throws IllegalStateException after {@link #source(DbEndpoint)} or {@link #target(DbEndpoint)}
         */
        public Builder against(MySqlSyncer syncer) {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            if (source != null && !fromSyncer || target != null && !fromSyncer) {
                throw new IllegalStateException("source(...) or target(...) was given already; give against(...) or the"
                        + " endpoints, not both");
            }
            this.source = syncer.source();
            this.target = syncer.target();
            this.fromSyncer = true;
            this.syncer = syncer.name();
            this.recopyTablesOnDdl = syncer.recopyTablesOnDdl();
            return this;
        }

        /**
         * The stages it runs at; all of them by default.
         *
         * @throws IllegalArgumentException when none is given
         */
        public Builder stages(VerifyStage... stages) {
            Objects.requireNonNull(stages, "stages cannot be null");
            if (stages.length == 0) {
                throw new IllegalArgumentException("give at least one stage");
            }
            EnumSet<VerifyStage> set = EnumSet.noneOf(VerifyStage.class);
            for (VerifyStage s : stages) {
                set.add(Objects.requireNonNull(s, "stage cannot be null"));
            }
            this.stages = set;
            return this;
        }

        /**
         * The severity of a check's findings ({@code "definer"}, {@code "collation"}, ...; see
         * {@link SchemaVerifier}); {@link Finding.Severity#INFO} keeps a check for the record only.
         *
         * @throws IllegalArgumentException when there is no such check
         */
        public Builder rule(String check, Finding.Severity severity) {
            this.checks = checks.with(check, severity);
            return this;
        }

        /**
         * Leaves these tables and views (and the triggers on such tables) out; {@code *} stands for any run
         * of characters. Adds to what was excluded before.
         *
         * @throws IllegalArgumentException for a blank name
         */
        public Builder excludeTables(String... tables) {
            this.excluded = excluded.excluding(tables);
            return this;
        }

        /**
         * The longest each information_schema query may run on a server; {@link #DEFAULT_QUERY_TIMEOUT} by
         * default. A query that runs longer fails the verification as a transient failure.
         *
         * @throws IllegalArgumentException outside 1 s .. 1 h
         */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "queryTimeout cannot be null");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("queryTimeout " + timeout + " must be between 1 s and 1 h");
            }
            this.queryTimeout = timeout;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @throws IllegalStateException without source and target (or {@link #against(MySqlSyncer)}), or when
         *     they are the same database
         */
        public SchemaVerifier build() {
            if (source == null || target == null) {
                throw new IllegalStateException("schema verifier '" + name + "' needs source(...) and target(...), or"
                        + " against(mysqlSyncer)");
            }
            if (source.host().equals(target.host()) && source.port() == target.port()
                    && source.database().equals(target.database())) {
                throw new IllegalStateException("schema verifier '" + name + "': source and target are the same database "
                        + source.where());
            }
            return new SchemaVerifier(this);
        }
    }
}
