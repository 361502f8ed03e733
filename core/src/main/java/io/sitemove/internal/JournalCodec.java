package io.sitemove.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitemove.Phase;
import io.sitemove.spi.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns journal entries into JSON and back. */
public final class JournalCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

    private JournalCodec() {
    }

    /** The entries as one JSON array. */
    public static byte[] toJson(List<JournalEntry> entries) {
        List<Map<String, Object>> out = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("at", e.at().toString());
            m.put("kind", e.kind());
            m.put("phase", e.phase().name());
            m.put("step", e.step());
            m.put("data", new java.util.TreeMap<>(e.data()));
            out.add(m);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("journal entries cannot be written as JSON", ex);
        }
    }

    /** The entries of one JSON array. */
    public static List<JournalEntry> fromJson(byte[] json) throws java.io.IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (Map<String, Object> m : JSON.readValue(json, LIST)) {
            entries.add(new JournalEntry(((Number) m.get("seq")).longValue(), Instant.parse((String) m.get("at")),
                    (String) m.get("kind"), Phase.valueOf((String) m.get("phase")), (String) m.get("step"),
                    JSON.convertValue(m.get("data"), DATA)));
        }
        return entries;
    }

    /** One entry's data map as JSON. */
    public static String dataToJson(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(data));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("journal data cannot be written as JSON", ex);
        }
    }

    /** One entry's data map from JSON. */
    public static Map<String, String> dataFromJson(String json) throws java.io.IOException {
        return JSON.readValue(json, DATA);
    }
}
