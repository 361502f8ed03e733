package io.sitemove.internal;

import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** DNS record lists as journal text, and set comparisons. */
final class DnsRecords {
    private DnsRecords() {
    }

    static String format(List<DnsRecord> records) {
        return records.stream().map(DnsRecord::toString).collect(Collectors.joining("\n"));
    }

    static List<DnsRecord> parse(String text) {
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

    static boolean same(List<DnsRecord> a, List<DnsRecord> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** The records with their TTL lowered to at most {@code ttl}. */
    static List<DnsRecord> capTtl(List<DnsRecord> records, long ttl) {
        return records.stream().map(r -> r.ttl() > ttl ? r.withTtl(ttl) : r).toList();
    }

    /** The records with the given TTL. */
    static List<DnsRecord> withTtl(List<DnsRecord> records, long ttl) {
        return records.stream().map(r -> r.withTtl(ttl)).toList();
    }

    /** The plan's records, each with the TTL its RRset had originally, or its own TTL for a new RRset. */
    static List<DnsRecord> restoreTtl(List<DnsRecord> planned, List<DnsRecord> original) {
        return planned.stream().map(p -> original.stream().filter(p::sameSet).findFirst()
                .map(o -> p.withTtl(o.ttl())).orElse(p)).toList();
    }

    static long maxTtl(List<DnsRecord> records) {
        return records.stream().mapToLong(DnsRecord::ttl).max().orElse(0);
    }
}
