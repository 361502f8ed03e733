package io.sitemove.verify;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.verify.internal.DatabaseReader;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.TableComparison;
import io.sitemove.verify.internal.TableState;
import io.sitemove.verify.internal.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a MySQL/MariaDB database on the source with its copy on the target, table by table: the
 * set of base tables, each table's columns and primary key, its row count, an ordered content hash
 * (every column of every row, SHA-256, rows in primary key order or, without one, ordered by all
 * columns), and the server's {@code CHECKSUM TABLE}. Unlike a sum of row checksums, the content
 * hash notices values swapped between rows. Each side is read in one consistent, read-only snapshot,
 * both sides at once.
 *
 * <pre>{@code
 * Verifier tables = new TableChecksumVerifier(
 *         new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(oldPassword)),
 *         new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of(newPassword)));
 * }</pre>
 *
 * <p>When the two servers run different engines or versions, CHECKSUM TABLE may differ on equal
 * data; {@link #withoutChecksumTable()} leaves it out. Instances are immutable and thread-safe.
 */
public final class TableChecksumVerifier implements Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(TableChecksumVerifier.class);

    private final DbEndpoint source;
    private final DbEndpoint target;
    private final boolean checksumTable;

    /** Compares the source database with the target's, CHECKSUM TABLE included. */
    public TableChecksumVerifier(DbEndpoint source, DbEndpoint target) {
        this(source, target, true);
    }

    private TableChecksumVerifier(DbEndpoint source, DbEndpoint target, boolean checksumTable) {
        this.source = Objects.requireNonNull(source, "source cannot be null");
        this.target = Objects.requireNonNull(target, "target cannot be null");
        this.checksumTable = checksumTable;
    }

    /** The same comparison without CHECKSUM TABLE (for migrations between engines or versions). */
    public TableChecksumVerifier withoutChecksumTable() {
        return new TableChecksumVerifier(source, target, false);
    }

    @Override
    public String name() {
        return "tables";
    }

    /** FUNCTIONAL and CUTOVER: in the watch window the target changes on its own. */
    @Override
    public Set<VerifyStage> stages() {
        return Verdict.BEFORE_WATCH;
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        AtomicLong sourceRows = new AtomicLong();
        AtomicLong targetRows = new AtomicLong();
        Runnable report = () -> ctx.progress().report(Counts.rows(sourceRows.get() + targetRows.get(), 0), Counts.ZERO);
        Parallel.Both<Map<String, TableState>> read = Parallel.onBoth("compare tables",
                () -> read(source, rows -> {
                    sourceRows.set(rows);
                    report.run();
                }),
                () -> read(target, rows -> {
                    targetRows.set(rows);
                    report.run();
                }));
        TableComparison comparison = new TableComparison(read.source(), read.target());
        Findings findings = new Findings();
        int differing = comparison.compare(findings);
        String scope = "in database " + source.where() + " and " + target.where() + " (" + comparison.sourceRows()
                + " rows on source)";
        LOG.debug("compared {}: {} of {} tables differ", scope, differing, comparison.tables());
        return Verdict.of(name(), differing, comparison.tables(), "tables", scope, findings, start);
    }

    private Map<String, TableState> read(DbEndpoint db, LongConsumer rowsRead) {
        try (Connection connection = Sql.open(db, false)) {
            if (!DatabaseReader.exists(connection, db.database())) {
                throw MigrationException.permanent("database " + db.where() + " does not exist; create it or fix the"
                        + " database name");
            }
            return new DatabaseReader(connection, db.database(), checksumTable, rowsRead).read();
        } catch (SQLException e) {
            throw Sql.failure("read the tables", db, null, e);
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        results.add(preflight("source", source));
        results.add(preflight("target", target));
        return results;
    }

    private CheckResult preflight(String side, DbEndpoint db) {
        String check = "database " + db.where() + " on " + side;
        try (Connection connection = Sql.open(db, false)) {
            if (!DatabaseReader.exists(connection, db.database())) {
                return side.equals("target")
                        ? CheckResult.pass(name(), check, "connects; the database does not exist yet (the initial sync creates it)")
                        : CheckResult.fail(name(), check, "the database does not exist; create it or fix the name");
            }
            return CheckResult.pass(name(), check, "connects, database exists");
        } catch (SQLException e) {
            return CheckResult.failed(name(), check, Sql.failure("check the database", db, null, e));
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(name(), check, e);
        }
    }

    @Override
    public String toString() {
        return "TableChecksumVerifier[" + source.where() + " -> " + target.where() + (checksumTable ? "" : ", without CHECKSUM TABLE") + "]";
    }
}
