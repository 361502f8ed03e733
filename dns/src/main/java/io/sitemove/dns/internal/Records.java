package io.sitemove.dns.internal;

import io.sitemove.DnsConflictException;
import io.sitemove.spi.DnsRecord;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Converts between sitemove's {@link DnsRecord} and dnsjava's {@link Record}, and writes values in
 * one canonical presentation form so that records read from a server compare equal to planned ones.
 */
public final class Records {
    private static final Set<Integer> NAME_VALUED = Set.of(Type.CNAME, Type.NS, Type.PTR, Type.DNAME, Type.MX);

    private Records() {
    }

    /** The dnsjava type code of a type name ("A" is 1). */
    public static int type(String type) {
        int code = Type.value(type);
        if (code < 0) {
            throw new IllegalArgumentException("'" + type + "' is not a DNS record type dnsjava knows");
        }
        return code;
    }

    /** An absolute dnsjava name. */
    public static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name: " + e.getMessage(), e);
        }
    }

    /** The record as dnsjava's, with the given TTL (0 for a prerequisite). */
    public static Record toDnsjava(DnsRecord r, long ttl) {
        try {
            return Record.fromString(name(r.name()), type(r.type()), DClass.IN, ttl, r.value(), null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("record '" + r + "' has a value that is not valid for " + r.type()
                    + " (" + e.getMessage() + "); names in values must be absolute, ending with a dot", e);
        }
    }

    /** The record as sitemove's, its value in canonical form. */
    public static DnsRecord fromDnsjava(Record r) {
        return new DnsRecord(r.getName().toString(), Type.string(r.getType()), r.getTTL(), value(r));
    }

    /** The same record with its value in canonical form; throws IAE for a value not valid for its type. */
    public static DnsRecord normalize(DnsRecord r) {
        return r.withValue(value(toDnsjava(r, r.ttl())));
    }

    /** Every record {@link #normalize normalized}. */
    public static List<DnsRecord> canonical(List<DnsRecord> records) {
        return records.stream().map(Records::normalize).toList();
    }

    /** Whether two lists hold the same records, in any order; values must be canonical. */
    public static boolean same(List<DnsRecord> a, List<DnsRecord> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /**
     * The compare-and-swap: returns when the records {@code found} just before a change are those it
     * {@code expected}, else throws a {@link DnsConflictException} with both.
     *
     * @param where "zone example.com. at 192.0.2.53:53"
     */
    public static void requireUnchanged(String where, List<DnsRecord> expected, List<DnsRecord> found) {
        if (!same(expected, found)) {
            throw DnsConflictException.of(where, expected, found);
        }
    }

    private static String value(Record r) {
        if (r.getType() == Type.AAAA) {
            return Ipv6Text.format(r.rdataToWireCanonical());
        }
        String text = r.rdataToString();
        return NAME_VALUED.contains(r.getType()) ? text.toLowerCase(Locale.ROOT) : text;
    }
}
