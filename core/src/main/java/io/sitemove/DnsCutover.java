package io.sitemove;

import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a plan moves the site's DNS: the provider, the records it switches to, the TTL the moratorium
 * lowers them to, the site's names (the guard refuses a record outside them), the limits on each
 * change, and how long the cutover waits for propagation. Immutable; a switcher without records cannot
 * be built.
 *
 * <pre>{@code
 * DnsCutover dns = DnsCutover.builder(Rfc2136Switcher.builder()...build())
 *     .names("shop.example.com.")
 *     .record(DnsRecord.a("shop.example.com.", 3600, "198.51.100.20"))
 *     .lowerTtlTo(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 */
public final class DnsCutover {
    private final DnsSwitcher switcher;
    private final List<DnsRecord> records;
    private final Duration lowTtl;
    private final boolean waitForTtlExpiry;
    private final Duration propagationTimeout;
    private final List<String> names;
    private final DnsGuard guard;

    private DnsCutover(Builder b) {
        this.switcher = b.switcher;
        this.records = List.copyOf(b.records);
        this.lowTtl = b.lowTtl;
        this.waitForTtlExpiry = b.waitForTtlExpiry;
        this.propagationTimeout = b.propagationTimeout;
        this.names = List.copyOf(b.names);
        this.guard = b.guard;
    }

    /** Starts the DNS settings for a provider. */
    public static Builder builder(DnsSwitcher switcher) {
        return new Builder(switcher);
    }

    /** A builder holding these settings, to derive changed ones. */
    public Builder toBuilder() {
        Builder b = new Builder(switcher);
        b.records.addAll(records);
        b.lowTtl = lowTtl;
        b.waitForTtlExpiry = waitForTtlExpiry;
        b.propagationTimeout = propagationTimeout;
        b.names.addAll(names);
        b.nameGuard = !names.isEmpty();
        b.guard = guard;
        return b;
    }

    /** The provider that reads and changes the records. */
    public DnsSwitcher switcher() {
        return switcher;
    }

    /** The records the cutover switches to, at their final TTL. */
    public List<DnsRecord> records() {
        return records;
    }

    /** The TTL the moratorium lowers the switched records to. */
    public Duration lowTtl() {
        return lowTtl;
    }

    /** Whether the cutover waits until the old TTL has expired since the lowering. */
    public boolean waitForTtlExpiry() {
        return waitForTtlExpiry;
    }

    /** How long the cutover waits for every authoritative server to answer the new records. */
    public Duration propagationTimeout() {
        return propagationTimeout;
    }

    /** The site's DNS names; empty when the name guard was turned off. */
    public List<String> names() {
        return names;
    }

    /** The limits on each DNS change. */
    public DnsGuard guard() {
        return guard;
    }

    @Override
    public String toString() {
        return "DnsCutover[" + switcher.name() + ": " + records + ", low TTL " + lowTtl.toSeconds() + " s, names "
                + names + "]";
    }

    /** Builds {@link DnsCutover}; setters check their values, {@link #build()} the whole. Not thread-safe. */
    public static final class Builder {
        private final DnsSwitcher switcher;
        private final List<DnsRecord> records = new ArrayList<>();
        private Duration lowTtl = Duration.ofSeconds(60);
        private boolean waitForTtlExpiry = true;
        private Duration propagationTimeout = Duration.ofMinutes(5);
        private final List<String> names = new ArrayList<>();
        private boolean nameGuard = true;
        private DnsGuard guard = DnsGuard.DEFAULT;

        private Builder(DnsSwitcher switcher) {
            this.switcher = Objects.requireNonNull(switcher, "switcher cannot be null");
        }

        /**
         * A record the cutover switches to (name, type, final TTL, new value); all records of that name and
         * type are replaced.
         */
        public Builder record(DnsRecord record) {
            records.add(Objects.requireNonNull(record, "record cannot be null"));
            return this;
        }

        /** The TTL the moratorium lowers the records to; 60 s unless set. */
        public Builder lowerTtlTo(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl cannot be null");
            if (ttl.isNegative() || ttl.toSeconds() > 86400) {
                throw new IllegalArgumentException("low TTL must be 0..86400 s, was " + ttl);
            }
            this.lowTtl = ttl;
            return this;
        }

        /** Whether the cutover waits for the old TTL to expire after the lowering; true unless set. */
        public Builder waitForTtlExpiry(boolean wait) {
            this.waitForTtlExpiry = wait;
            return this;
        }

        /** How long the cutover waits for every authoritative server to answer the new records; 5 min unless set. */
        public Builder propagationTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout cannot be null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("propagationTimeout must be positive, was " + timeout);
            }
            this.propagationTimeout = timeout;
            return this;
        }

        /** The site's DNS names ("shop.example.com."): every switched record must lie at or below one of them. */
        public Builder names(String... siteNames) {
            Objects.requireNonNull(siteNames, "names cannot be null");
            for (String n : siteNames) {
                names.add(DnsRecord.absoluteName(Objects.requireNonNull(n, "name cannot be null")));
            }
            return this;
        }

        /** Turns the name guard off: records are switched wherever they are, without declared names. */
        public Builder withoutNameGuard() {
            this.nameGuard = false;
            return this;
        }

        /** The limits on each DNS change; {@link DnsGuard#DEFAULT} unless set. */
        public Builder guard(DnsGuard limits) {
            this.guard = Objects.requireNonNull(limits, "guard cannot be null");
            return this;
        }

        /** Lifts the guard's limits (keeping its numbers), for a change the operator has checked by hand. */
        public Builder forceChanges(boolean force) {
            this.guard = new DnsGuard(guard.maxRecords(), guard.maxFraction(), force);
            return this;
        }

        /** Checks the settings as a whole and builds them. */
        public DnsCutover build() {
            String p = "DNS cutover with " + switcher.name();
            if (records.isEmpty()) {
                throw new IllegalStateException(p + " has no record to switch: call record(...)");
            }
            checkDistinct(p);
            if (nameGuard && names.isEmpty()) {
                throw new IllegalStateException(p + " does not say the site's DNS names: call names(\"shop.example.com.\"),"
                        + " or withoutNameGuard() to switch records anywhere");
            }
            if (!nameGuard) {
                names.clear();
            }
            checkWithinNames(p);
            return new DnsCutover(this);
        }

        private void checkWithinNames(String p) {
            if (names.isEmpty() || guard.force()) {
                return;
            }
            for (DnsRecord r : records) {
                if (names.stream().noneMatch(n -> r.name().equals(n) || r.name().endsWith("." + n))) {
                    throw new IllegalStateException(p + " switches " + r.name() + ", which is outside the site's names "
                            + names + ": fix the record, add the name with names(...), or forceChanges(true)");
                }
            }
        }

        private void checkDistinct(String p) {
            for (int i = 0; i < records.size(); i++) {
                for (int j = i + 1; j < records.size(); j++) {
                    DnsRecord a = records.get(i);
                    DnsRecord b = records.get(j);
                    if (a.equals(b)) {
                        throw new IllegalStateException(p + " switches " + a + " twice: remove one");
                    }
                    if (a.sameSet(b) && a.ttl() != b.ttl()) {
                        throw new IllegalStateException(p + ": records of " + a.name() + " " + a.type()
                                + " have different TTLs: one RRset has one TTL");
                    }
                }
            }
        }
    }
}
