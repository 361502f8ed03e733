package io.sitemove.journal.internal;

import io.sitemove.Counts;
import io.sitemove.Phase;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the data of journal entries written before entries were typed (a map of strings per entry),
 * so a migration journaled by an earlier version resumes where it stopped: cursors, timings, the DNS
 * records read, the TTL lowering and the maintenance start keep their meaning.
 */
public final class LegacyEntries {
    private LegacyEntries() {
    }

    /** The typed data of an old entry. */
    public static EntryData data(EntryKind kind, String step, Map<String, String> d) {
        return switch (kind) {
            case PHASE_STARTED -> new EntryData.Started("true".equals(d.get("resumed")));
            case PHASE_FAILED -> new EntryData.Failed(d.getOrDefault("message", ""), "io.sitemove.MigrationException", false);
            case PHASE_DONE -> d.containsKey("downtimeMs")
                    ? new EntryData.CutoverDone(millis(d, "downtimeMs"), millis(d, "finalSyncMs")) : EntryData.None.INSTANCE;
            case STEP_DONE -> step(step, d);
            default -> EntryData.None.INSTANCE;
        };
    }

    private static EntryData step(String step, Map<String, String> d) {
        if (d.containsKey("syncer")) {
            return synced(d);
        }
        String note = d.getOrDefault("note", "");
        return switch (step) {
            case "dns-read" -> new EntryData.DnsRead(records(d.get("records")));
            case "lower-ttl" -> new EntryData.TtlLowered(Instant.ofEpochMilli(number(d, "atMs")), number(d, "oldTtl"), note);
            case "maintenance-on" -> new EntryData.MaintenanceOn(Instant.ofEpochMilli(number(d, "atMs")),
                    d.containsKey("estimateMs") ? millis(d, "estimateMs") : null, note);
            case "backup" -> new EntryData.BackedUp(d.getOrDefault("location", ""));
            case "propagation" -> new EntryData.Propagated(millis(d, "durationMs"), Map.of());
            default -> step.matches("delta-\\d+") ? new EntryData.Round(Integer.parseInt(step.substring(6)),
                    millis(d, "durationMs")) : lines(d, note);
        };
    }

    private static EntryData lines(Map<String, String> d, String note) {
        String joined = new TreeMap<>(d).entrySet().stream()
                .filter(e -> e.getKey().startsWith("v.") || e.getKey().startsWith("check."))
                .map(Map.Entry::getValue).collect(Collectors.joining("; "));
        String text = joined.isEmpty() ? note : note.isEmpty() ? joined : note + "; " + joined;
        return new EntryData.Note(text);
    }

    private static EntryData.Synced synced(Map<String, String> d) {
        Map<String, String> details = new TreeMap<>();
        d.forEach((k, v) -> {
            if (k.startsWith("detail.")) {
                details.put(k.substring(7), v);
            }
        });
        SyncResult r = new SyncResult(new Counts(number(d, "bytes"), number(d, "files"), number(d, "rows")),
                number(d, "deleted"), number(d, "attributesFixed"), millis(d, "durationMs"), d.getOrDefault("cursor", ""),
                new LegacyDetails(details));
        return new EntryData.Synced(d.get("syncer"), SyncMode.valueOf(d.get("mode")), Direction.valueOf(d.get("direction")),
                Instant.ofEpochMilli(number(d, "startedAtMs")), r);
    }

    /** Records journaled as zone-file lines, {@code name ttl IN type value}. */
    static List<DnsRecord> records(String text) {
        List<DnsRecord> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+", 5);
            if (f.length != 5 || !f[2].equals("IN")) {
                throw new IllegalArgumentException("journaled DNS record '" + line + "' is not 'name ttl IN type value'");
            }
            out.add(new DnsRecord(f[0], f[3], Long.parseLong(f[1]), f[4]));
        }
        return out;
    }

    private static long number(Map<String, String> d, String key) {
        String v = d.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static Duration millis(Map<String, String> d, String key) {
        return Duration.ofMillis(number(d, key));
    }

    /** The phase named in an old entry. */
    public static Phase phase(String name) {
        return Phase.valueOf(name);
    }
}
