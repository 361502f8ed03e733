package io.sitemove.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * One DNS resource record.
 *
 * @param name the absolute owner name, lower case, with the trailing dot ("www.example.com.")
 * @param type the record type in upper case ("A", "AAAA", "CNAME")
 * @param ttl the TTL in seconds
 * @param value the record data in presentation format ("192.0.2.7", "shop.example.net.")
 */
public record DnsRecord(String name, String type, long ttl, String value) {
    public DnsRecord {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(value, "value cannot be null");
        name = absoluteName(name);
        type = type.toUpperCase(Locale.ROOT);
        if (!type.matches("[A-Z0-9]{1,10}")) {
            throw new IllegalArgumentException("'" + type + "' is not a DNS record type");
        }
        if (ttl < 0 || ttl > 2147483647L) {
            throw new IllegalArgumentException("TTL " + ttl + " is outside 0..2147483647");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("record " + name + " " + type + " has an empty value");
        }
    }

    /**
     * The name in the form records use: lower case, with the trailing dot.
     *
     * @throws IllegalArgumentException when it is not a DNS name
     */
    public static String absoluteName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        String n = name.toLowerCase(Locale.ROOT);
        if (!n.endsWith(".")) {
            n = n + ".";
        }
        if (n.length() < 2 || n.contains("..") || n.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name");
        }
        return n;
    }

    /** An A record. */
    public static DnsRecord a(String name, long ttl, String address) {
        return new DnsRecord(name, "A", ttl, address);
    }

    /** The same record with another TTL. */
    public DnsRecord withTtl(long newTtl) {
        return new DnsRecord(name, type, newTtl, value);
    }

    /** The same record with another value. */
    public DnsRecord withValue(String newValue) {
        return new DnsRecord(name, type, ttl, newValue);
    }

    /** True when both have the same owner name and type (an RRset). */
    public boolean sameSet(DnsRecord other) {
        return name.equals(other.name) && type.equals(other.type);
    }

    /** Zone-file presentation: {@code name ttl IN type value}. */
    @Override
    public String toString() {
        return name + " " + ttl + " IN " + type + " " + value;
    }
}
