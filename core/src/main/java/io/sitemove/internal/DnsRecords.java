package io.sitemove.internal;

import io.sitemove.spi.DnsRecord;
import java.util.HashSet;
import java.util.List;

/** Comparisons and TTL changes of DNS record lists. */
final class DnsRecords {
    private DnsRecords() {
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
