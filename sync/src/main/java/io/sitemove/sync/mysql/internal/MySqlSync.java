package io.sitemove.sync.mysql.internal;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.CopiedTables;
import io.sitemove.sync.mysql.DeltaMethod;
import io.sitemove.sync.mysql.MySqlBinlogDeltaDetails;
import io.sitemove.sync.mysql.MySqlChecksumDeltaDetails;
import io.sitemove.sync.mysql.MySqlCopyDetails;
import io.sitemove.sync.mysql.MySqlSyncDetails;
import io.sitemove.sync.mysql.SourceLock;
import io.sitemove.sync.mysql.internal.binlog.BinlogDelta;
import io.sitemove.sync.mysql.internal.binlog.BinlogSettings;
import io.sitemove.sync.mysql.internal.binlog.ReshapedTables;
import io.sitemove.sync.mysql.internal.checksum.ChecksumDelta;
import io.sitemove.sync.mysql.internal.copy.CopyOutcome;
import io.sitemove.sync.mysql.internal.copy.CopyRequest;
import io.sitemove.sync.mysql.internal.copy.CopySettings;
import io.sitemove.sync.mysql.internal.copy.ParallelCopy;
import io.sitemove.sync.mysql.internal.copy.TableChoice;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MySQL syncer's syncs: a FULL copy ({@link ParallelCopy}), or a delta read from the binary log
 * ({@link BinlogDelta}) or found by comparing both sides ({@link ChecksumDelta}), chosen as the settings
 * say and the source allows; a FINAL sync locks the site's account out of the source first, a REVERSE
 * one lets it back in ({@link SourceLocking}). Each sync's result carries its own details record.
 */
public final class MySqlSync {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlSync.class);
    /**
     * How the syncer was built.
     *
     * @param name the syncer's name in the plan
     * @param source the source database
     * @param target the target database
     * @param dropMissingTables whether tables the sending side lacks are dropped on the receiving one
     * @param deltaMethod how deltas find what changed
     * @param recopyTablesOnDdl whether a schema change in the binlog recopies the changed tables
     * @param definer the definer schema objects get on the target
     * @param lockSourceForFinal whether a FINAL sync locks the source for the site's account
     * @param applicationUser the site's account, or null
     * @param copy how whole tables are copied
     * @param replace which of the target's tables a FULL copy may replace
     */
    public record Settings(String name, DbEndpoint source, DbEndpoint target, boolean dropMissingTables,
            DeltaMethod deltaMethod, boolean recopyTablesOnDdl, Definer definer, boolean lockSourceForFinal,
            SourceWriteLock applicationUser, CopySettings copy, ExistingTables.Replace replace) {
    }

    private final Settings settings;
    private final SourceLocking locking;
    private final ExistingTables existing;

    public MySqlSync(Settings settings) {
        this.settings = settings;
        this.locking = new SourceLocking(settings.name(), settings.source(), settings.applicationUser(),
                settings.lockSourceForFinal());
        this.existing = new ExistingTables(settings.name(), settings.replace());
    }

    /** The guard that refuses a FULL copy over tables the target already holds. */
    public ExistingTables existing() {
        return existing;
    }

    /** Runs one sync as the context asks. */
    public SyncResult sync(SyncContext ctx) {
        long started = System.nanoTime();
        boolean reverse = ctx.direction() == Direction.REVERSE;
        SourceLock lock = ctx.mode() == SyncMode.FINAL && !reverse ? locking.lock() : null;
        SyncResult result;
        try {
            result = syncOnce(ctx, started);
        } catch (MigrationException e) {
            throw lock == null || lock.action() != SourceLock.Action.REVOKED ? e : stillLocked(e, lock);
        }
        if (reverse) {
            SourceLock unlocked = locking.unlock();
            lock = unlocked != null ? unlocked : lock;
        }
        if (lock == null) {
            return result;
        }
        MySqlSyncDetails details = ((MySqlSyncDetails) result.details()).withSourceLock(lock);
        return new SyncResult(result.moved(), result.deleted(), result.attributesFixed(), result.duration(),
                result.cursor(), details);
    }

    /**
     * A final sync's failure that says the source stays read-only: its message gains the lock, once, when
     * it is of the base type (a subclass carries data of its own and is kept as it is, the lock logged).
     */
    private MigrationException stillLocked(MigrationException e, SourceLock lock) {
        String words = "the source " + settings.source().where() + " stays read-only for " + lock.account()
                + " (its write privileges revoked by this final sync); running the FINAL sync again keeps it so and"
                + " completes it, a rollback gives the privileges back";
        LOG.warn("{}: final sync failed; {}", settings.name(), words);
        if (e.getClass() != MigrationException.class || e.reason().contains(words)) {
            return e;
        }
        return MigrationException.of(e.reason() + "; " + words, e.getCause(), e.isTransient());
    }

    private SyncResult syncOnce(SyncContext ctx, long started) {
        if (ctx.mode() == SyncMode.FULL) {
            return fullCopy(ctx, started);
        }
        Optional<BinlogPosition> cursor = ctx.cursor().flatMap(BinlogPosition::parse);
        String whyNot = whyNotBinlog(from(ctx), cursor);
        return whyNot == null ? binlogDelta(ctx, cursor.orElseThrow(), started) : checksumDelta(ctx, whyNot, started);
    }

    /** Why a delta cannot read the sending server's binary log; null when it can. */
    private String whyNotBinlog(DbEndpoint from, Optional<BinlogPosition> cursor) {
        DeltaMethod method = settings.deltaMethod();
        if (method == DeltaMethod.CHECKSUM) {
            return "deltaMethod is CHECKSUM";
        }
        if (cursor.isEmpty()) {
            if (method == DeltaMethod.BINLOG) {
                throw MigrationException.permanent("binlog delta (" + settings.name() + ") from " + from.where()
                        + " has no binlog cursor from a previous sync; run a FULL sync first");
            }
            return "no binlog cursor from the last sync";
        }
        if (method == DeltaMethod.BINLOG) {
            return null;
        }
        try (Connection c = Sql.open(from, true)) {
            BinlogSettings binlog = BinlogSettings.read(c, from);
            return binlog.usable() ? null : String.join("; ", binlog.problems());
        } catch (SQLException e) {
            throw Sql.failure("read the binlog settings (" + settings.name() + ")", from, null, e);
        }
    }

    private SyncResult fullCopy(SyncContext ctx, long started) {
        boolean forward = ctx.direction() == Direction.FORWARD;
        if (forward && !ctx.resumed()) {
            existing.refuseOrClaim(settings.source(), settings.target());
        }
        CopyOutcome copy = new ParallelCopy(request(ctx, forward), TableChoice.ALL).run();
        MySqlCopyDetails details = new MySqlCopyDetails(ctx.direction(), copy.tables(), copy.figures(), copy.objects(),
                cursorBefore(ctx), copy.position().orElse(null), null);
        return new SyncResult(Counts.rows(copy.rows(), copy.bytes()), 0, 0, since(started), copy.cursor(), details);
    }

    private SyncResult binlogDelta(SyncContext ctx, BinlogPosition cursor, long started) {
        BinlogDelta.Outcome delta = new BinlogDelta(settings.name(), from(ctx), to(ctx), settings.recopyTablesOnDdl(),
                ctx.progress(), p -> ctx.checkpoint(p.toString())).run(cursor);
        long rows = delta.written() + delta.updated();
        long bytes = delta.bytes();
        CopiedTables recopied = CopiedTables.none();
        if (!delta.schemaChanges().isEmpty() || !delta.tablesToRecopy().isEmpty()) {
            CopyOutcome copy = new ParallelCopy(request(ctx, ctx.direction() == Direction.FORWARD),
                    new ReshapedTables(delta.tablesToRecopy())).run();
            recopied = copy.tables();
            rows += copy.rows();
            bytes += copy.bytes();
        }
        MySqlBinlogDeltaDetails details = new MySqlBinlogDeltaDetails(ctx.direction(), delta.before(), delta.after(),
                delta.written(), delta.updated(), delta.deleted(), delta.unmatched(), delta.bytes(), delta.rowsByTable(),
                List.copyOf(new TreeSet<>(delta.tablesWithoutPrimaryKey())), delta.schemaChanges(), recopied, null);
        return new SyncResult(Counts.rows(rows, bytes), delta.deleted(), 0, since(started), delta.after().toString(),
                details);
    }

    private SyncResult checksumDelta(SyncContext ctx, String whyNotBinlog, long started) {
        ChecksumDelta.Result delta = new ChecksumDelta(request(ctx, false)).run();
        MySqlChecksumDeltaDetails details = new MySqlChecksumDeltaDetails(ctx.direction(), whyNotBinlog, delta.tables(),
                delta.ranges(), delta.copy().figures(), cursorBefore(ctx), delta.copy().position().orElse(null), null);
        return new SyncResult(Counts.rows(delta.rows(), delta.bytes()), delta.deleted(), 0, since(started),
                delta.copy().cursor(), details);
    }

    /** A copy the context's way; schema objects are copied, with the syncer's definer, only when {@code objects}. */
    private CopyRequest request(SyncContext ctx, boolean objects) {
        return new CopyRequest(settings.name(), from(ctx), to(ctx), settings.dropMissingTables(), ctx.progress(),
                objects ? settings.definer() : null, settings.copy());
    }

    private DbEndpoint from(SyncContext ctx) {
        return ctx.direction() == Direction.REVERSE ? settings.target() : settings.source();
    }

    private DbEndpoint to(SyncContext ctx) {
        return ctx.direction() == Direction.REVERSE ? settings.source() : settings.target();
    }

    private static BinlogPosition cursorBefore(SyncContext ctx) {
        return ctx.cursor().flatMap(BinlogPosition::parse).orElse(null);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
