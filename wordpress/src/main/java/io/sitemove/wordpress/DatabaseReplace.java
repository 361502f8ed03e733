package io.sitemove.wordpress;

import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.wordpress.internal.replace.TableScan;
import io.sitemove.wordpress.internal.replace.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link SearchReplace} over a database: every table of a prefix (or all) with a primary key, its text
 * columns read in key order by keyset pages and written back in batched updates by key, tables in parallel
 * (bounded). A dry run reads and counts without writing. Tables without a primary key are reported and skipped.
 *
 * <p>The pass is safe on a live database: each update is guarded by the values it read (compared as bytes), so
 * a row a visitor or plugin changed between the read and the write is not overwritten; it is listed in
 * {@link ReplaceReport.Table#changedMeanwhile()} and, unless {@link Builder#retryChangedRows(boolean) turned off},
 * read again and replaced in once more.
 *
 * <pre>{@code
 * ReplaceReport report = DatabaseReplace.builder(target, move).tablePrefix("wp_").dryRun(true).build().run();
 * }</pre>
 *
 * <p>Values are read over the endpoint's UTF-8 connection, so serialized lengths are counted in UTF-8 bytes, as
 * WordPress with its default {@code utf8mb4} charset counts them. Immutable and thread-safe.
 */
public final class DatabaseReplace {
    private final DbEndpoint endpoint;
    private final SearchReplace replace;
    private final String prefix;
    private final boolean dryRun;
    private final int pageSize;
    private final int parallelism;
    private final int skippedCap;
    private final boolean retryChanged;
    private final Duration timeout;

    private DatabaseReplace(Builder b) {
        this.endpoint = b.endpoint;
        this.replace = b.replace;
        this.prefix = b.prefix;
        this.dryRun = b.dryRun;
        this.pageSize = b.pageSize;
        this.parallelism = b.parallelism;
        this.skippedCap = b.skippedCap;
        this.retryChanged = b.retryChanged;
        this.timeout = b.timeout;
    }

    /** A builder for a pass of {@code replace} over {@code endpoint}'s database. */
    public static Builder builder(DbEndpoint endpoint, SearchReplace replace) {
        return new Builder(endpoint, replace);
    }

    /**
     * Runs the pass.
     *
     * @throws MigrationException naming the server, database and table when SQL fails, or when the pass
     *     outlasts its timeout
     */
    public ReplaceReport run() {
        long start = System.nanoTime();
        List<String> tables;
        try (Connection c = Sql.open(endpoint, true)) {
            tables = TableSchema.tables(c, endpoint.database(), prefix);
        } catch (SQLException e) {
            throw Sql.failure("list the tables for the search and replace", endpoint, null, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<ReplaceReport.Table>> futures = new ArrayList<>();
            for (String t : tables) {
                futures.add(pool.submit(() -> table(t)));
            }
            List<ReplaceReport.Table> out = new ArrayList<>();
            long deadline = start + timeout.toNanos();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(futures.get(i), deadline, tables.get(i)));
            }
            return new ReplaceReport(dryRun, out, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    private ReplaceReport.Table await(Future<ReplaceReport.Table> f, long deadline, String table) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw MigrationException.of("the search and replace on " + endpoint.where() + " did not finish within "
                    + timeout + " (table " + Sql.quote(table) + " still running); raise its timeout", e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrationException.of("the search and replace on " + endpoint.where() + " was interrupted", e, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw MigrationException.of("the search and replace failed on " + endpoint.where(), e.getCause(), false);
        }
    }

    private ReplaceReport.Table table(String table) {
        if (replace.skipsTable(table)) {
            return skippedTable(table, "skipped by the search and replace");
        }
        try (Connection read = Sql.open(endpoint, true); Connection write = dryRun ? null : Sql.open(endpoint, true)) {
            TableSchema schema = TableSchema.read(read, endpoint.database(), table);
            if (schema.key().isEmpty()) {
                return skippedTable(table, "no primary key: its rows cannot be updated one by one");
            }
            List<String> columns = new ArrayList<>();
            for (String c : schema.text()) {
                if (!replace.skipsColumn(table, c)) {
                    columns.add(c);
                }
            }
            if (columns.isEmpty()) {
                return new ReplaceReport.Table(table, null, 0, List.of(), List.of(), 0);
            }
            return new TableScan(schema, columns, replace, pageSize, skippedCap, retryChanged).run(read, write);
        } catch (SQLException e) {
            throw Sql.failure("search and replace", endpoint, table, e);
        }
    }

    private static ReplaceReport.Table skippedTable(String table, String reason) {
        return new ReplaceReport.Table(table, reason, 0, List.of(), List.of(), 0);
    }

    /** Builds a {@link DatabaseReplace}; validates as it goes. */
    public static final class Builder {
        private final DbEndpoint endpoint;
        private final SearchReplace replace;
        private String prefix = "";
        private boolean dryRun;
        private int pageSize = 2000;
        private int parallelism = 2;
        private int skippedCap = 100;
        private boolean retryChanged = true;
        private Duration timeout = Duration.ofHours(12);

        private Builder(DbEndpoint endpoint, SearchReplace replace) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint cannot be null");
            this.replace = Objects.requireNonNull(replace, "replace cannot be null");
        }

        /** Only tables whose names start with this ({@code wp_}); default all tables. */
        public Builder tablePrefix(String value) {
            this.prefix = Objects.requireNonNull(value, "tablePrefix cannot be null");
            return this;
        }

        /** Count without writing (default false). */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Rows per keyset page and per batch of updates (default 2000). */
        public Builder pageSize(int value) {
            this.pageSize = positive(value, "pageSize");
            return this;
        }

        /** Tables worked on at once (default 2). */
        public Builder parallelism(int value) {
            this.parallelism = positive(value, "parallelism");
            return this;
        }

        /**
         * Whether a row another writer changed between the pass's read and its write is read again and replaced
         * in once more, under the same guard (default true). Either way the other writer's content is kept and the
         * row is listed in {@link ReplaceReport.Table#changedMeanwhile()}.
         */
        public Builder retryChangedRows(boolean value) {
            this.retryChanged = value;
            return this;
        }

        /**
         * At most this many skipped values, and rows changed meanwhile, listed per table; their counts stay exact
         * (default 100).
         */
        public Builder skippedListLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("skippedListLimit must be 0 or more, not " + value);
            }
            this.skippedCap = value;
            return this;
        }

        /** The longest the whole pass may take (default 12 hours). */
        public Builder timeout(Duration value) {
            Objects.requireNonNull(value, "timeout cannot be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + value);
            }
            this.timeout = value;
            return this;
        }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, not " + value);
            }
            return value;
        }

        /** The pass. */
        public DatabaseReplace build() {
            return new DatabaseReplace(this);
        }
    }
}
