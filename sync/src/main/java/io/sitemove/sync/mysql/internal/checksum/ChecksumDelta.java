package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.CopiedTables;
import io.sitemove.sync.mysql.RangeFigures;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.sync.mysql.internal.copy.CopyOutcome;
import io.sitemove.sync.mysql.internal.copy.CopyRequest;
import io.sitemove.sync.mysql.internal.copy.CopyScene;
import io.sitemove.sync.mysql.internal.copy.ParallelCopy;
import io.sitemove.sync.mysql.internal.copy.TableChoice;
import io.sitemove.sync.mysql.internal.copy.TableJob;
import io.sitemove.sync.mysql.internal.copy.TargetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checksum delta, judged inside one consistent snapshot of the sending database with the receiving
 * side's triggers suspended: tables with a primary key and the same definition on both sides are compared
 * and repaired by key range ({@link RangeDelta}); tables missing on the receiving side or defined
 * differently are recopied whole by the {@link ParallelCopy} this choice steers, and so are tables without
 * a primary key whose checksum or row count differs ({@link ChecksumDiff}).
 */
public final class ChecksumDelta implements TableChoice {
    /**
     * What the delta did.
     *
     * @param rows rows copied: those of the replaced ranges and of the tables recopied whole
     * @param bytes bytes of their values
     * @param deleted rows removed from the receiving side: those whose key the source no longer has, and
     *     every row the recopied tables held
     * @param tables the tables repaired or recopied, and those only the receiving side has
     * @param ranges what the comparison by key range found
     * @param copy the copy of the whole tables
     */
    public record Result(long rows, long bytes, long deleted, CopiedTables tables, RangeFigures ranges,
            CopyOutcome copy) {
    }

    private final CopyRequest request;
    private RangeDelta.Outcome ranges = new RangeDelta.Outcome(0, 0, 0, 0, 0, 0, Set.of(), 0, Set.of());
    private long deleted;

    /** A delta as the request copies; its definer is left aside (schema objects stay as they are). */
    public ChecksumDelta(CopyRequest request) {
        this.request = request;
    }

    /** Compares, repairs and recopies. */
    public Result run() {
        CopyOutcome copy = new ParallelCopy(request, this).run();
        Set<String> changed = new TreeSet<>(copy.tables().copied());
        changed.addAll(ranges.changed());
        CopiedTables tables = new CopiedTables(new ArrayList<>(changed), copy.tables().inSource(),
                copy.tables().onlyOnTarget(), copy.tables().droppedOnlyOnTarget());
        RangeFigures figures = new RangeFigures(ranges.tables(), ranges.ranges(), ranges.differing(), ranges.rows(),
                ranges.deleted(), ranges.together(), copy.tables().copied().size(), List.copyOf(ranges.recopyWhole()));
        return new Result(copy.rows() + ranges.rows(), copy.bytes() + ranges.bytes(), deleted, tables, figures, copy);
    }

    /**
     * Runs the range delta over the tables of the same definition that have a primary key, and
     * returns the tables to recopy whole: those missing on the receiving side or defined differently,
     * those without a primary key whose checksum or row count differs, and those given up by range.
     */
    @Override
    public Set<String> choose(CopyScene scene) throws SQLException {
        SourceSnapshot snapshot = scene.snapshot();
        Set<String> recopy = new TreeSet<>();
        List<String> withoutKey = new ArrayList<>();
        List<RangeDelta.Table> keyed = new ArrayList<>();
        for (String table : snapshot.tables().keySet()) {
            if (!TargetDatabase.sameDefinition(scene.read(), scene.write(), scene.targetTables(), table)) {
                recopy.add(table);
                continue;
            }
            TableInfo info = TableInfo.read(scene.read(), request.from().database(), table);
            if (!info.hasPrimaryKey()) {
                withoutKey.add(table);
                continue;
            }
            TableJob job = scene.tables().job(info, snapshot.tables().get(table));
            keyed.add(new RangeDelta.Table(job, info.columns(), scene.tables().chunks(job)));
        }
        keyed.sort(Comparator.comparingLong((RangeDelta.Table t) -> -t.job().estimatedRows()));
        ranges = new RangeDelta(request, snapshot.sqlMode(), scene.progress()).run(scene.group().readers(), keyed);
        withoutKey.sort(Comparator.comparingLong((String t) -> -snapshot.tables().get(t)));
        ChecksumDiff.Result checked = ChecksumDiff.find(scene.group().readers(), request.from(), request.to(),
                withoutKey);
        recopy.addAll(checked.differing());
        recopy.addAll(ranges.recopyWhole());
        deleted = checked.targetRows() + ranges.deleted() + rowsOf(scene.write(), ranges.recopyWhole());
        return recopy;
    }

    /** How many rows the receiving side holds in the tables: those a whole recopy replaces. */
    private static long rowsOf(Connection write, Set<String> tables) throws SQLException {
        long rows = 0;
        for (String table : tables) {
            rows += Long.parseLong(Sql.single(write, "SELECT COUNT(*) FROM " + Sql.quote(table)));
        }
        return rows;
    }

    @Override
    public boolean suspendsTriggers() {
        return true;
    }
}
