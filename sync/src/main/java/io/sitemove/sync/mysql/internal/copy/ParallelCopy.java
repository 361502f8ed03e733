package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.BulkLoad;
import io.sitemove.sync.mysql.CopiedTables;
import io.sitemove.sync.mysql.CopyFigures;
import io.sitemove.sync.mysql.SchemaObjectsCopied;
import io.sitemove.sync.mysql.internal.SchemaObjects;
import io.sitemove.sync.mysql.internal.SnapshotGroup;
import io.sitemove.sync.mysql.internal.SourceSnapshot;
import io.sitemove.sync.mysql.internal.TriggerSuspension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies whole tables from one consistent snapshot of the sending database ({@link SnapshotGroup}): the
 * tables a {@link TableChoice} names (every one, for a FULL copy) are recreated on the receiving side and
 * filled by a bounded pool of workers ({@link CopyWorkers}), each taking one table at a time, reading its
 * chunks in key order from its own snapshot connection and loading them in bulk ({@link ChunkLoader}) over
 * its own receiving connection, with foreign-key and unique checks off and deferrable secondary indexes
 * built once the table's last chunk landed; then views, routines, triggers and events, when the request
 * names a definer.
 */
public final class ParallelCopy {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelCopy.class);

    private final CopyRequest request;
    private final TableChoice choice;

    public ParallelCopy(CopyRequest request, TableChoice choice) {
        this.request = request;
        this.choice = choice;
    }

    /** Opens the snapshot and copies what the choice names. */
    public CopyOutcome run() {
        long started = System.nanoTime();
        CopySettings settings = request.settings();
        try (SnapshotGroup group = SnapshotGroup.open(request.from(), settings.workers(), settings.lockWait());
             Connection write = Sql.open(request.to(), false)) {
            return copy(group, write, started);
        } catch (SQLException e) {
            throw Sql.failure("close the connections (" + request.name() + ")", request.to(), null, e);
        }
    }

    private CopyOutcome copy(SnapshotGroup group, Connection write, long started) {
        DbEndpoint at = request.from();
        try {
            SourceSnapshot snapshot = SourceSnapshot.describe(group.readers().get(0), request.from(),
                    group.binlogPosition());
            at = request.to();
            TargetDatabase.prepare(write, request.to(), snapshot);
            write.setAutoCommit(true);
            boolean loadData = request.settings().loadData()
                    && "1".equals(Sql.single(write, "SELECT @@GLOBAL.local_infile"));
            CopyScene scene = new CopyScene(group, write, snapshot, TargetDatabase.baseTables(write,
                    request.to().database()), new TablePreparation(request, group.readers().get(0), write, loadData),
                    new CopyProgress(request.progress()));
            if (!choice.suspendsTriggers()) {
                return copyTables(scene, started);
            }
            TriggerSuspension triggers = TriggerSuspension.suspend(write, request.to().database(), request.to().where());
            try {
                return copyTables(scene, started);
            } finally {
                triggers.close();
            }
        } catch (SQLException e) {
            throw LostConnection.sqlFailure(request, at, "copy tables", "preparing the copy of", null, e);
        }
    }

    private CopyOutcome copyTables(CopyScene scene, long started) throws SQLException {
        Set<String> chosen = choice.choose(scene);
        List<TableJob> jobs = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        CopyWorkers.Figures figures = new CopyWorkers(request, scene.snapshot(), scene.progress()).run(scene.group(),
                sink -> {
                    for (Map.Entry<String, Long> table : largestFirst(scene.snapshot())) {
                        if (chosen == null || chosen.contains(table.getKey())) {
                            TableJob job = scene.tables().recreate(table.getKey(), table.getValue(), chunks);
                            jobs.add(job);
                            scene.progress().expect(job.estimatedRows());
                        }
                        sink.accept(chunks);
                    }
                    LOG.debug("{}: {} tables prepared on {} in {} ms; {} chunks to copy", request.name(), jobs.size(),
                            request.to().where(), (System.nanoTime() - started) / 1_000_000, chunks.size());
                });
        Set<String> sourceTables = scene.snapshot().tables().keySet();
        List<String> extra = TargetDatabase.extraTables(request, scene.write(), scene.targetTables(), sourceTables);
        SchemaObjectsCopied objects = request.definer() == null ? SchemaObjectsCopied.none()
                : new SchemaObjects(request.name(), request.from(), request.to(), request.definer())
                        .copy(scene.read(), scene.write());
        long rows = jobs.stream().mapToLong(j -> j.rows().get()).sum();
        long bytes = jobs.stream().mapToLong(j -> j.bytes().get()).sum();
        LOG.info("{}: copied {} tables ({} rows, {} bytes) from {} to {} with {} workers; {}", request.name(),
                jobs.size(), rows, bytes, request.from().where(), request.to().where(), scene.group().readers().size(),
                scene.group().how());
        CopiedTables tables = new CopiedTables(new ArrayList<>(new TreeSet<>(jobs.stream().map(TableJob::name)
                .toList())), sourceTables.size(), extra, request.dropMissingTables());
        return new CopyOutcome(rows, bytes, tables, scene.snapshot().binlogPosition(), objects,
                figures(scene, jobs, chunks.size(), figures, started));
    }

    private static List<Map.Entry<String, Long>> largestFirst(SourceSnapshot snapshot) {
        List<Map.Entry<String, Long>> tables = new ArrayList<>(snapshot.tables().entrySet());
        tables.sort(Map.Entry.comparingByValue(Comparator.reverseOrder()));
        return tables;
    }

    private CopyFigures figures(CopyScene scene, List<TableJob> jobs, int chunks, CopyWorkers.Figures measured,
            long started) {
        SnapshotGroup group = scene.group();
        boolean loadData = scene.tables().loadData();
        return new CopyFigures(group.readers().size(), group.how(), group.lockMillis(),
                loadData ? BulkLoad.LOAD_DATA : BulkLoad.INSERT, request.settings().loadData() && !loadData, chunks,
                jobs.stream().filter(j -> !j.hasPrimaryKey()).map(TableJob::name).toList(),
                jobs.stream().mapToInt(j -> j.deferred().size()).sum(), measured.indexMillis(), measured.largestRow(),
                measured.heapPeak() / (1024 * 1024), (System.nanoTime() - started) / 1_000_000);
    }
}
