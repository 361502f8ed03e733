package io.sitemove.sync.mysql.internal.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.sitemove.MigrationException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.internal.TableInfo;
import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the sending server's binary log between two positions and collects, per table of the synced
 * database, the primary keys of the rows inserted, updated (before and after) or deleted, as
 * {@link KeyText} (reading only; nothing is applied). A table without a primary key, one whose key
 * cannot be written as text, or one a schema change touched, is marked as changed whole.
 */
public final class ChangedKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What changed.
     *
     * @param from where the read began
     * @param to where it ended
     * @param keys the changed keys by table
     * @param whole the tables changed in a way not told by key
     * @param schemaChanged whether a schema change of the database was met (then any table may have changed)
     */
    public record Outcome(BinlogPosition from, BinlogPosition to, Map<String, Set<String>> keys, Set<String> whole,
            boolean schemaChanged) {
    }

    private final DbEndpoint source;
    private final Map<Long, TableInfo> tablesById = new HashMap<>();
    private final Map<String, TableInfo> cache = new HashMap<>();
    private final Map<String, Set<String>> keys = new TreeMap<>();
    private final Set<String> whole = new TreeSet<>();
    private boolean schemaChanged;

    private ChangedKeys(DbEndpoint source) {
        this.source = source;
    }

    /** Reads from {@code from} to {@code to}, or to where the binary log ends now when {@code to} is null. */
    public static Outcome read(DbEndpoint source, BinlogPosition from, BinlogPosition to) {
        ChangedKeys collector = new ChangedKeys(source);
        try (Connection c = Sql.open(source, true)) {
            BinlogPosition end = to;
            long serverId;
            try {
                BinlogSettings settings = BinlogSettings.read(c, source);
                if (!settings.usable()) {
                    throw MigrationException.permanent("cannot read the binary log of " + source.where() + ": "
                            + String.join("; ", settings.problems()));
                }
                serverId = settings.serverId();
                if (end == null) {
                    end = BinlogSettings.end(c).orElseThrow(() -> new SQLException("SHOW MASTER STATUS returned no row"));
                }
            } catch (SQLException e) {
                throw Sql.failure("read the binlog state", source, null, e);
            }
            if (end.compareTo(from) <= 0) {
                return new Outcome(from, from, Map.of(), Set.of(), false);
            }
            long id;
            do {
                id = 1_000_000_000L + RANDOM.nextInt(1_000_000_000);
            } while (id == serverId);
            BinlogPosition reached;
            try {
                reached = new BinlogReader(source, id).read(from, end, (event, at) -> collector.onEvent(c, event));
            } catch (BinlogReader.ReadFailure e) {
                throw MigrationException.retryable("read the binary log of " + source.where() + " from " + from
                        + ": " + e.getMessage(), e);
            }
            return new Outcome(from, reached, collector.keys, collector.whole, collector.schemaChanged);
        } catch (SQLException e) {
            throw Sql.failure("close the connection", source, null, e);
        }
    }

    private void onEvent(Connection c, Event event) throws SQLException {
        EventType type = event.getHeader().getEventType();
        Object data = event.getData();
        if (type == EventType.TABLE_MAP && data instanceof TableMapEventData map) {
            if (!source.database().equals(map.getDatabase())) {
                tablesById.remove(map.getTableId());
                return;
            }
            TableInfo info = cache.get(map.getTable());
            if (info == null || info.columns().size() != map.getColumnTypes().length) {
                info = TableInfo.read(c, source.database(), map.getTable());
                cache.put(map.getTable(), info);
            }
            tablesById.put(map.getTableId(), info);
        } else if (data instanceof WriteRowsEventData w) {
            rows(w.getTableId(), w.getRows());
        } else if (data instanceof DeleteRowsEventData d) {
            rows(d.getTableId(), d.getRows());
        } else if (data instanceof UpdateRowsEventData u) {
            for (Map.Entry<Serializable[], Serializable[]> row : u.getRows()) {
                rows(u.getTableId(), List.of(row.getKey(), row.getValue()));
            }
        } else if (type == EventType.QUERY && data instanceof QueryEventData query && query.getSql() != null
                && QueryClassifier.classify(query.getSql()) != QueryClassifier.Kind.OTHER
                && QueryClassifier.concerns(query.getSql(), query.getDatabase(), source.database())) {
            schemaChanged = true;
            cache.clear();
        }
    }

    private void rows(long tableId, List<Serializable[]> rows) {
        TableInfo info = tablesById.get(tableId);
        if (info == null) {
            return;
        }
        if (!info.hasPrimaryKey() || info.columns().size() != rows.get(0).length) {
            whole.add(info.name());
            return;
        }
        Set<String> out = keys.computeIfAbsent(info.name(), t -> new TreeSet<>());
        for (Serializable[] row : rows) {
            String key = KeyText.of(info, row);
            if (key == null) {
                whole.add(info.name());
                return;
            }
            out.add(key);
        }
    }
}
