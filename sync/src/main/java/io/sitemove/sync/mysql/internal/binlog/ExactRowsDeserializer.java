package io.sitemove.sync.mysql.internal.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.AbstractRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads the three kinds of row events (written, updated, deleted rows; with or without the extra
 * information of the v2 events) into the library's event data, every cell decoded by {@link ExactCells}
 * where it keeps the exact value, else as the library does. The layout is the library's: table id, flags,
 * [extra information], column count, the included-columns bitmap (two for an update: before and after),
 * then the rows to the event's end.
 */
final class ExactRowsDeserializer extends AbstractRowsEventDataDeserializer<EventData> {
    /** Which rows an event carries. */
    enum Kind {
        WRITE(EventType.WRITE_ROWS, EventType.EXT_WRITE_ROWS),
        UPDATE(EventType.UPDATE_ROWS, EventType.EXT_UPDATE_ROWS),
        DELETE(EventType.DELETE_ROWS, EventType.EXT_DELETE_ROWS);

        private final EventType plain;
        private final EventType extended;

        Kind(EventType plain, EventType extended) {
            this.plain = plain;
            this.extended = extended;
        }

        /** The event type of this kind, the v2 one ({@code EXT_...}) when {@code extended}. */
        EventType type(boolean extended) {
            return extended ? this.extended : plain;
        }
    }

    private final Kind kind;
    private final boolean extraInformation;

    /**
     * @param extraInformation whether the events carry extra information after their flags (the v2 events)
     */
    ExactRowsDeserializer(Map<Long, TableMapEventData> tableMaps, Kind kind, boolean extraInformation) {
        super(tableMaps);
        this.kind = kind;
        this.extraInformation = extraInformation;
    }

    @Override
    public EventData deserialize(ByteArrayInputStream in) throws IOException {
        long tableId = in.readLong(6);
        in.skip(2);
        if (extraInformation) {
            int length = in.readInteger(2);
            in.skip(length - 2);
        }
        int columns = in.readPackedInteger();
        BitSet included = in.readBitSet(columns, true);
        return switch (kind) {
            case WRITE -> {
                WriteRowsEventData data = new WriteRowsEventData();
                rows(tableId, included, in).into(data::setTableId, data::setIncludedColumns, data::setRows);
                yield data;
            }
            case DELETE -> {
                DeleteRowsEventData data = new DeleteRowsEventData();
                rows(tableId, included, in).into(data::setTableId, data::setIncludedColumns, data::setRows);
                yield data;
            }
            case UPDATE -> updated(tableId, included, in.readBitSet(columns, true), in);
        };
    }

    /** A written or deleted rows event's content, which the two kinds of event data take by the same setters. */
    private record Rows(long tableId, BitSet included, List<Serializable[]> rows) {
        void into(LongConsumer setTableId, Consumer<BitSet> setIncluded, Consumer<List<Serializable[]>> setRows) {
            setTableId.accept(tableId);
            setIncluded.accept(included);
            setRows.accept(rows);
        }
    }

    private UpdateRowsEventData updated(long tableId, BitSet before, BitSet after, ByteArrayInputStream in)
            throws IOException {
        UpdateRowsEventData data = new UpdateRowsEventData();
        data.setTableId(tableId);
        data.setIncludedColumnsBeforeUpdate(before);
        data.setIncludedColumns(after);
        List<Map.Entry<Serializable[], Serializable[]>> rows = new ArrayList<>();
        while (in.available() > 0) {
            Serializable[] old = deserializeRow(tableId, before, in);
            rows.add(new AbstractMap.SimpleEntry<>(old, deserializeRow(tableId, after, in)));
        }
        data.setRows(rows);
        return data;
    }

    private Rows rows(long tableId, BitSet included, ByteArrayInputStream in) throws IOException {
        List<Serializable[]> rows = new ArrayList<>();
        while (in.available() > 0) {
            rows.add(deserializeRow(tableId, included, in));
        }
        return new Rows(tableId, included, rows);
    }

    @Override
    protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
            throws IOException {
        return ExactCells.handles(type) ? ExactCells.decode(type, meta, in) : super.deserializeCell(type, meta, length, in);
    }
}
