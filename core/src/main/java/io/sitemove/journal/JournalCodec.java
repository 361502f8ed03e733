package io.sitemove.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sitemove.Phase;
import io.sitemove.journal.internal.LegacyEntries;
import io.sitemove.journal.internal.SyncDetailsJson;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Journal entries as JSON, for the journals here and for a panel's own {@link io.sitemove.spi.Journal}:
 * one entry as one line of JSON, its data as a typed object (records bound by Jackson, {@code java.time}
 * values as ISO-8601 text). Entries written by earlier versions, whose data was a map of strings, are
 * read as well.
 *
 * <pre>{@code
 * String line = JournalCodec.toJson(entry);
 * JournalEntry back = JournalCodec.fromJson(line);
 * }</pre>
 */
public final class JournalCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(SyncDetailsJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private JournalCodec() {
    }

    /** One entry as one line of JSON (no line break inside). */
    public static String toJson(JournalEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal entry " + entry.seq() + " cannot be written as JSON", e);
        }
    }

    /** One entry from its JSON, also as earlier versions wrote it. */
    public static JournalEntry fromJson(String json) throws IOException {
        return fromTree(JSON.readTree(json));
    }

    /** An entry's data alone as JSON, for a journal that keeps the other fields in columns. */
    public static String dataToJson(EntryData data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal data cannot be written as JSON", e);
        }
    }

    /** An entry's data from its JSON, also as earlier versions wrote it (then the kind and step tell what it was). */
    public static EntryData dataFromJson(String json, EntryKind kind, String step) throws IOException {
        return data(JSON.readTree(json), kind, step);
    }

    /** The entries of a journal file written as one JSON array, as earlier versions of {@link DirectoryJournal} did. */
    public static List<JournalEntry> fromJsonArray(byte[] json) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            entries.add(fromTree(node));
        }
        return entries;
    }

    private static JournalEntry fromTree(JsonNode n) throws IOException {
        if (!n.isObject() || !n.hasNonNull("seq") || !n.hasNonNull("kind") || !n.hasNonNull("phase")) {
            throw new IOException("not a journal entry: " + abbreviated(n));
        }
        EntryKind kind = EntryKind.valueOf(n.get("kind").asText());
        String step = n.path("step").asText("");
        return new JournalEntry(n.get("seq").asLong(), Instant.parse(n.get("at").asText()), kind,
                Phase.valueOf(n.get("phase").asText()), step, data(n.path("data"), kind, step));
    }

    private static EntryData data(JsonNode data, EntryKind kind, String step) throws IOException {
        if (data.isMissingNode() || data.isNull()) {
            return EntryData.None.INSTANCE;
        }
        if (data.has("type")) {
            return JSON.treeToValue(data, EntryData.class);
        }
        return LegacyEntries.data(kind, step, JSON.convertValue(data, STRINGS));
    }

    private static String abbreviated(JsonNode n) {
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
