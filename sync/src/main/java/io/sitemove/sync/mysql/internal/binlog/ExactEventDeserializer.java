package io.sitemove.sync.mysql.internal.binlog;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An event deserializer for the events a row delta needs (rotate, format, query, table map, xid and
 * row events), whose row cells keep their exact values ({@link ExactRowsDeserializer}): strings and
 * binaries as bytes, the rest as {@link ExactCells} decodes them. Other events are read as empty.
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
        for (ExactRowsDeserializer.Kind kind : ExactRowsDeserializer.Kind.values()) {
            byType.put(kind.type(false), new ExactRowsDeserializer(tableMaps, kind, false));
            byType.put(kind.type(true), new ExactRowsDeserializer(tableMaps, kind, true));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<EventType, EventDataDeserializer> raw = (Map) byType;
        EventDeserializer deserializer = new EventDeserializer(new EventHeaderV4Deserializer(),
                new NullEventDataDeserializer(), raw, tableMaps);
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        return deserializer;
    }
}
