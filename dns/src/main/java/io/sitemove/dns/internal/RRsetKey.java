package io.sitemove.dns.internal;

import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The owner name and type of an RRset. */
public record RRsetKey(String name, String type) {
    /** The key of a record's RRset. */
    public static RRsetKey of(DnsRecord r) {
        return new RRsetKey(r.name(), r.type());
    }

    /** The records grouped by RRset, in order of first appearance; every key of {@code keys} present. */
    public static Map<RRsetKey, List<DnsRecord>> group(List<RRsetKey> keys, List<DnsRecord> records) {
        Map<RRsetKey, List<DnsRecord>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, new ArrayList<>()));
        for (DnsRecord r : records) {
            out.computeIfAbsent(of(r), k -> new ArrayList<>()).add(r);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The distinct RRsets of the given records, in order of first appearance. */
    public static List<RRsetKey> distinct(List<DnsRecord> records) {
        return records.stream().map(RRsetKey::of).distinct().toList();
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
