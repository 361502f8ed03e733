package io.sitemove.sync.mysql.internal;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An event deserializer for the events a row delta needs (rotate, format, query, table map, xid and
 * row events), whose row cells keep their exact values: strings and binaries as bytes, the rest as
 * {@link ExactCells} decodes them. Other events are read as empty.
 */
public final class ExactEventDeserializer {
    private ExactEventDeserializer() {
    }

    /** A new deserializer; use one per connection. */
    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Map<EventType, EventDataDeserializer<?>> byType = new IdentityHashMap<>();
        byType.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        byType.put(EventType.ROTATE, new RotateEventDataDeserializer());
        byType.put(EventType.QUERY, new QueryEventDataDeserializer());
        byType.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        byType.put(EventType.XID, new XidEventDataDeserializer());
        byType.put(EventType.WRITE_ROWS, new Writes(tableMaps));
        byType.put(EventType.UPDATE_ROWS, new Updates(tableMaps));
        byType.put(EventType.DELETE_ROWS, new Deletes(tableMaps));
        byType.put(EventType.EXT_WRITE_ROWS, new Writes(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_UPDATE_ROWS, new Updates(tableMaps).setMayContainExtraInformation(true));
        byType.put(EventType.EXT_DELETE_ROWS, new Deletes(tableMaps).setMayContainExtraInformation(true));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<EventType, EventDataDeserializer> raw = (Map) byType;
        EventDeserializer deserializer = new EventDeserializer(new EventHeaderV4Deserializer(),
                new NullEventDataDeserializer(), raw, tableMaps);
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return deserializer;
    }

    private static final class Writes extends WriteRowsEventDataDeserializer {
        Writes(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return ExactCells.handles(type) ? ExactCells.decode(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }

    private static final class Updates extends UpdateRowsEventDataDeserializer {
        Updates(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return ExactCells.handles(type) ? ExactCells.decode(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }

    private static final class Deletes extends DeleteRowsEventDataDeserializer {
        Deletes(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeCell(ColumnType type, int meta, int length, ByteArrayInputStream in)
                throws IOException {
            return ExactCells.handles(type) ? ExactCells.decode(type, meta, in) : super.deserializeCell(type, meta, length, in);
        }
    }
}
