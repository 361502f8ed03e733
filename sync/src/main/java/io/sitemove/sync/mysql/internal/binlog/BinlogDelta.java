package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.sync.mysql.internal.TriggerSuspension;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.remote.db.Sql;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.remote.db.DbEndpoint;
import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One row-based delta: reads the sending server's binary log from the cursor up to where it ends
 * when the delta starts, and applies the row events of the synced database to the receiving one
 * in order, committing in batches at transaction boundaries. A schema change in the stream stops
 * it (or, when allowed, marks tables for a full recopy by the caller).
 *
 * <p>After each batch's commit the position just after the transaction's end (where the next read
 * starts) goes to the checkpoint consumer, which journals it: a delta cut off midway resumes after its
 * last committed batch, so a table without a primary key does not get those rows a second time. Two
 * windows remain. A batch committed whose checkpoint was not journaled (the process died between the
 * commit and the journal line) is applied again by the next delta: harmless where every table has a
 * primary key (rows are upserted and deleted by key), a duplicate of its inserted rows in a table
 * without one. Closing it would take the position written in the same transaction as the rows, to a
 * bookkeeping table on the receiving server read back at the start: a table of ours in the site's
 * database (or a schema of ours on its server, with the privileges for it) and one more write per
 * batch. And once the delta has seen a schema change it stops checkpointing, so that a rerun sees the
 * change again and recopies the tables it concerns.
 */
public final class BinlogDelta {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogDelta.class);
    private static final int BATCH_ROWS = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the delta did. */
    public record Outcome(BinlogPosition before, BinlogPosition after, long written, long updated, long deleted,
            long bytes, Map<String, Long> rowsByTable, Set<String> tablesWithoutPrimaryKey, long unmatched,
            List<String> schemaChanges, Set<String> tablesToRecopy) {
        public long rows() {
            return written + updated + deleted;
        }
    }

    private final String name;
    private final DbEndpoint from;
    private final DbEndpoint to;
    private final boolean recopyOnDdl;
    private final ProgressReporter progress;
    private final Consumer<BinlogPosition> checkpoints;
    private final DeltaFailures failures;

    private final Map<String, TableInfo> tableCache = new HashMap<>();
    private final Map<String, byte[]> tableTypes = new HashMap<>();
    private final Map<Long, TableInfo> tablesById = new HashMap<>();
    private final Map<String, Long> rowsByTable = new TreeMap<>();
    private final Set<String> withoutKey = new LinkedHashSet<>();
    private final List<String> schemaChanges = new ArrayList<>();
    private final Set<String> recopy = new LinkedHashSet<>();
    private final Map<String, String> stale = new LinkedHashMap<>();
    private long written;
    private long updated;
    private long deleted;
    private long bytes;
    private long sinceCommit;
    private long totalBytes;
    private String table;
    private BinlogPosition at;
    private BinlogPosition committed;

    /** A delta whose checkpoints (the position after each committed batch) go to {@code checkpoints}. */
    public BinlogDelta(String name, DbEndpoint from, DbEndpoint to, boolean recopyOnDdl, ProgressReporter progress,
            Consumer<BinlogPosition> checkpoints) {
        this.name = name;
        this.from = from;
        this.to = to;
        this.recopyOnDdl = recopyOnDdl;
        this.progress = progress;
        this.checkpoints = checkpoints;
        this.failures = new DeltaFailures(name, from, to);
    }

    /** Runs the delta from the cursor. */
    public Outcome run(BinlogPosition cursor) {
        try (Connection read = Sql.open(from, true)) {
            BinlogPosition end;
            long sourceServerId;
            try {
                BinlogSettings settings = BinlogSettings.read(read, from);
                if (!settings.usable()) {
                    throw MigrationException.permanent("binlog delta (" + name + ") cannot read the binary log of "
                            + from.where() + ": " + String.join("; ", settings.problems()));
                }
                Set<String> files = BinlogSettings.files(read);
                if (!files.contains(cursor.file())) {
                    throw purged(cursor, files, settings);
                }
                end = BinlogSettings.end(read).orElseThrow(() -> new SQLException("SHOW MASTER STATUS returned no row"));
                sourceServerId = settings.serverId();
            } catch (SQLException e) {
                throw Sql.failure("read the binlog state (" + name + ")", from, null, e);
            }
            if (end.compareTo(cursor) < 0) {
                throw MigrationException.permanent("the binary log of " + from.where() + " ends at " + end
                        + ", before the last sync's cursor " + cursor + " (was it reset?); run a FULL sync");
            }
            if (end.compareTo(cursor) == 0) {
                return outcome(cursor, cursor, 0);
            }
            totalBytes = end.file().equals(cursor.file()) ? end.position() - cursor.position() : 0;
            try (Connection write = Sql.open(to, true)) {
                try {
                    prepare(write);
                } catch (SQLException e) {
                    throw Sql.failure("prepare the session for the binlog delta (" + name + ")", to, null, e);
                }
                return apply(read, write, cursor, end, sourceServerId);
            } catch (SQLException e) {
                throw Sql.failure("close the connection (" + name + ")", to, null, e);
            }
        } catch (SQLException e) {
            throw Sql.failure("close the connection (" + name + ")", from, null, e);
        }
    }

    private Outcome apply(Connection read, Connection write, BinlogPosition cursor, BinlogPosition end, long sourceId) {
        at = cursor;
        committed = cursor;
        long serverId;
        do {
            serverId = 1_000_000_000L + RANDOM.nextInt(1_000_000_000);
        } while (serverId == sourceId);
        TriggerSuspension triggers;
        try {
            triggers = TriggerSuspension.suspend(write, to.database(), to.where());
        } catch (SQLException e) {
            throw Sql.failure("suspend the triggers for the binlog delta (" + name + ")", to, null, e);
        }
        Outcome outcome;
        try (RowApplier applier = new RowApplier(write)) {
            BinlogPosition after;
            try {
                after = new BinlogReader(from, serverId).read(cursor, end,
                        (event, position) -> onEvent(read, applier, event, position));
                table = null;
                if (!stale.isEmpty()) {
                    throw MigrationException.permanent(stale.values().iterator().next());
                }
                applier.commit();
                checkpoint(after);
            } catch (BinlogReader.ReadFailure e) {
                rollback(write);
                throw failures.of(e, at, committed, cursor, table, read, write);
            } catch (MigrationException e) {
                rollback(write);
                throw e;
            } catch (SQLException e) {
                rollback(write);
                throw failures.commit(e, at, committed, cursor, write);
            }
            outcome = outcome(cursor, after, applier.unmatched());
        } catch (RuntimeException e) {
            restore(triggers, e);
            throw e;
        }
        restore(triggers, null);
        report();
        rowsByTable.forEach((t, rows) -> LOG.info("{}: applied {} binlog row changes to table {} on {}", name, rows,
                Sql.quote(t), to.where()));
        LOG.info("{}: binlog delta {} -> {} from {} to {}: {} written, {} updated, {} deleted ({} bytes of events)",
                name, cursor, outcome.after(), from.where(), to.where(), written, updated, deleted, bytes);
        return outcome;
    }

    /** Puts the triggers back; a failure to is thrown, or kept with the delta's own {@code failure} and logged. */
    private void restore(TriggerSuspension triggers, RuntimeException failure) {
        try {
            triggers.restore(to);
        } catch (SQLException | RuntimeException e) {
            RuntimeException lost = e instanceof SQLException s
                    ? Sql.failure("restore the triggers after the binlog delta (" + name + ")", to, null, s)
                    : (RuntimeException) e;
            if (failure == null) {
                throw lost;
            }
            failure.addSuppressed(lost);
            LOG.warn("{}: {}", name, lost.getMessage());
        }
    }

    private Outcome outcome(BinlogPosition before, BinlogPosition after, long unmatched) {
        return new Outcome(before, after, written, updated, deleted, bytes, Map.copyOf(rowsByTable),
                Set.copyOf(withoutKey), unmatched, List.copyOf(schemaChanges), Set.copyOf(recopy));
    }

    private void onEvent(Connection read, RowApplier applier, Event event, BinlogPosition position) throws Exception {
        at = position;
        EventType type = event.getHeader().getEventType();
        if (type == EventType.TABLE_MAP && event.getData() instanceof TableMapEventData map) {
            mapTable(read, map, position);
        } else if (EventType.isRowMutation(type)) {
            applyRows(applier, event, position);
        } else if (type == EventType.XID) {
            endOfTransaction(applier, position);
        } else if (type == EventType.QUERY && event.getData() instanceof QueryEventData query) {
            onQuery(applier, query, position);
        } else if (type == EventType.TRANSACTION_PAYLOAD) {
            throw MigrationException.permanent("the binary log of " + from.where() + " holds compressed transactions"
                    + " at " + position + ", which the binlog delta cannot read: set binlog_transaction_compression=OFF,"
                    + " or use the checksum delta method");
        }
    }

    private void mapTable(Connection read, TableMapEventData map, BinlogPosition position)
            throws DeltaFailures.MetadataReadFailure {
        if (!from.database().equals(map.getDatabase())) {
            tablesById.remove(map.getTableId());
            return;
        }
        String t = map.getTable();
        table = t;
        byte[] types = map.getColumnTypes();
        TableInfo info = tableCache.get(t);
        if (info == null || !Arrays.equals(types, tableTypes.get(t))) {
            try {
                info = TableInfo.read(read, from.database(), t);
            } catch (SQLException e) {
                throw new DeltaFailures.MetadataReadFailure(e);
            }
            tableCache.put(t, info);
            tableTypes.put(t, types.clone());
        }
        if (info.columns().size() != types.length) {
            recopy.add(t);
            if (!recopyOnDdl) {
                stale.putIfAbsent(t, "binlog delta (" + name + ") stopped at " + position + ": table " + Sql.quote(t)
                        + " of " + from.where() + " has " + info.columns().size() + " columns now, but "
                        + types.length + " in the binlog: its definition changed after the last sync. Run a FULL sync,"
                        + " or build the syncer with recopyTablesOnDdl(true) to recopy changed tables");
            }
        }
        tablesById.put(map.getTableId(), info);
    }

    private void applyRows(RowApplier applier, Event event, BinlogPosition position) throws SQLException {
        Object data = event.getData();
        long tableId = data instanceof WriteRowsEventData w ? w.getTableId()
                : data instanceof UpdateRowsEventData u ? u.getTableId()
                : data instanceof DeleteRowsEventData d ? d.getTableId() : -1;
        TableInfo info = tablesById.get(tableId);
        if (info == null || recopy.contains(info.name())) {
            return;
        }
        table = info.name();
        if (!info.hasPrimaryKey()) {
            withoutKey.add(info.name());
        }
        long rows = 0;
        if (data instanceof WriteRowsEventData w) {
            requireFull(w.getIncludedColumns(), info, position);
            for (Serializable[] row : w.getRows()) {
                applier.written(info, row);
                rows++;
            }
            written += rows;
        } else if (data instanceof UpdateRowsEventData u) {
            requireFull(u.getIncludedColumnsBeforeUpdate(), info, position);
            requireFull(u.getIncludedColumns(), info, position);
            for (Map.Entry<Serializable[], Serializable[]> row : u.getRows()) {
                applier.updated(info, row.getKey(), row.getValue());
                rows++;
            }
            updated += rows;
        } else if (data instanceof DeleteRowsEventData d) {
            requireFull(d.getIncludedColumns(), info, position);
            for (Serializable[] row : d.getRows()) {
                applier.deleted(info, row);
                rows++;
            }
            deleted += rows;
        }
        rowsByTable.merge(info.name(), rows, Long::sum);
        sinceCommit += rows;
        bytes += event.getHeader().getDataLength();
    }

    private void requireFull(BitSet included, TableInfo info, BinlogPosition position) {
        if (included.cardinality() != info.columns().size()) {
            throw MigrationException.permanent("binlog delta (" + name + ") stopped at " + position + ": the row"
                    + " image of table " + Sql.quote(info.name()) + " on " + from.where() + " has "
                    + included.cardinality() + " of its " + info.columns().size()
                    + " columns; set binlog_row_image=FULL on the source and run a FULL sync");
        }
    }

    private void endOfTransaction(RowApplier applier, BinlogPosition position) throws SQLException {
        if (sinceCommit >= BATCH_ROWS) {
            applier.commit();
            sinceCommit = 0;
            checkpoint(position);
            report();
        }
    }

    /** The receiving side holds everything before {@code position}, committed; a checkpoint unless a schema changed. */
    private void checkpoint(BinlogPosition position) {
        if (schemaChanges.isEmpty() && recopy.isEmpty() && position.compareTo(committed) > 0) {
            committed = position;
            checkpoints.accept(position);
        }
    }

    private void onQuery(RowApplier applier, QueryEventData query, BinlogPosition position) throws SQLException {
        String sql = query.getSql() == null ? "" : query.getSql();
        if (sql.equalsIgnoreCase("COMMIT")) {
            endOfTransaction(applier, position);
            return;
        }
        QueryClassifier.Kind kind = QueryClassifier.classify(sql);
        if (kind == QueryClassifier.Kind.OTHER || !QueryClassifier.concerns(sql, query.getDatabase(), from.database())) {
            return;
        }
        String statement = QueryClassifier.excerpt(sql);
        if (kind == QueryClassifier.Kind.STATEMENT_DML) {
            throw MigrationException.permanent("binlog delta (" + name + ") stopped at " + position + ": "
                    + from.where() + " logged a row change as a statement (" + statement + "), which a row delta cannot"
                    + " replay; set binlog_format=ROW on the source and run a FULL sync");
        }
        if (!recopyOnDdl) {
            throw MigrationException.permanent("binlog delta (" + name + ") stopped at " + position
                    + ": a schema change on " + from.where() + " (" + statement + ") cannot be replayed from the"
                    + " binary log; run a FULL sync of the database (or of that table), or build the syncer with"
                    + " recopyTablesOnDdl(true) to recopy changed tables in full");
        }
        applier.flush();
        schemaChanges.add(statement);
        tableCache.clear();
        tableTypes.clear();
    }

    private void report() {
        progress.report(Counts.rows(written + updated + deleted, bytes), new Counts(totalBytes, 0, 0));
    }

    private MigrationException purged(BinlogPosition cursor, Set<String> files, BinlogSettings settings) {
        return MigrationException.permanent("binlog " + cursor.file() + " was purged on " + from.where()
                + " (oldest kept: " + (files.isEmpty() ? "none" : files.iterator().next()) + ", "
                + settings.retention() + "); run a full sync (or the checksum fallback: deltaMethod(CHECKSUM)),"
                + " and keep binlogs longer than the time between syncs");
    }

    private static void prepare(Connection write) throws SQLException {
        Sql.execute(write, "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION',"
                + " foreign_key_checks = 0, time_zone = '+00:00'");
        write.setAutoCommit(false);
    }

    private static void rollback(Connection write) {
        try {
            write.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after a failed binlog delta failed too", e);
        }
    }
}
