package io.sitemove.journal.internal;

import io.sitemove.spi.SyncDetails;
import java.util.Map;
import java.util.TreeMap;

/**
 * A syncer's details as journals written before typed details held them: figures as text.
 *
 * @param values the figures by name
 */
public record LegacyDetails(Map<String, String> values) implements SyncDetails {
    public LegacyDetails {
        values = Map.copyOf(values);
    }

    @Override
    public String summary() {
        return new TreeMap<>(values).toString();
    }
}
