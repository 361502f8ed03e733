package io.sitemove.journal.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sitemove.spi.SyncDetails;
import java.io.IOException;

/**
 * Journals a syncer's {@link SyncDetails} as {@code {"class": ..., "value": ...}} and reads it back as
 * that record, when the class is a {@code SyncDetails} record or enum on the class path; otherwise as
 * {@link UnreadableDetails}, so an old journal or a removed plugin never makes a journal unreadable.
 * Only {@code SyncDetails} types are ever instantiated.
 */
public final class SyncDetailsJson {
    /** Binds the records themselves; without this module, so a record is not wrapped again. */
    private static final ObjectMapper PLAIN = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SyncDetailsJson() {
    }

    /** A Jackson module with the serializer and deserializer. */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("sitemove-sync-details");
        m.addSerializer(SyncDetails.class, new Writer());
        m.addDeserializer(SyncDetails.class, new Reader());
        return m;
    }

    private static final class Writer extends StdSerializer<SyncDetails> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(SyncDetails.class);
        }

        @Override
        public void serialize(SyncDetails value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("class", value.getClass().getName());
            gen.writeFieldName("value");
            gen.writeTree(PLAIN.valueToTree(value));
            gen.writeEndObject();
        }
    }

    private static final class Reader extends StdDeserializer<SyncDetails> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(SyncDetails.class);
        }

        @Override
        public SyncDetails deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            String name = node.path("class").asText("");
            JsonNode value = node.path("value");
            Class<?> type = detailsClass(name);
            if (type == null) {
                return new UnreadableDetails(name, value.toString());
            }
            try {
                return (SyncDetails) PLAIN.treeToValue(value, type);
            } catch (IOException | IllegalArgumentException e) {
                return new UnreadableDetails(name, value.toString());
            }
        }

        private static Class<?> detailsClass(String name) {
            if (name.isEmpty()) {
                return null;
            }
            try {
                Class<?> c = Class.forName(name, false, SyncDetails.class.getClassLoader());
                return SyncDetails.class.isAssignableFrom(c) && (c.isRecord() || c.isEnum()) ? c : null;
            } catch (ClassNotFoundException | LinkageError e) {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                try {
                    Class<?> c = context == null ? null : Class.forName(name, false, context);
                    return c != null && SyncDetails.class.isAssignableFrom(c) && (c.isRecord() || c.isEnum()) ? c : null;
                } catch (ClassNotFoundException | LinkageError again) {
                    return null;
                }
            }
        }
    }
}
