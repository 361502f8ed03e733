package io.sitemove;

import io.sitemove.event.MigrationListener;
import io.sitemove.spi.Backup;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import io.sitemove.spi.Journal;
import io.sitemove.spi.MaintenanceMode;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything one site's migration needs: the servers, what to sync, how to verify, how to switch
 * DNS, how to make the source read-only, and where to journal. Immutable and thread-safe; built
 * by {@link #builder(String)}, changed by {@link #toBuilder()}.
 *
 * <pre>{@code
 * MigrationPlan plan = MigrationPlan.builder("shop.example.com")
 *     .source(oldServer)
 *     .target(newServer)
 *     .syncer(FileSyncer.builder().sourceRoot("/var/www/shop").targetRoot("/srv/shop").build())
 *     .syncer(MySqlSyncer.builder().source(oldDb).target(newDb).build())
 *     .verifier(new TreeHashVerifier(...))
 *     .dns(Rfc2136Switcher.builder()...build())
 *     .switchRecord(DnsRecord.a("shop.example.com.", 3600, "198.51.100.20"))
 *     .maintenance(new WordPressMaintenance("/var/www/shop"))
 *     .journal(new DirectoryJournal(Path.of("/var/lib/panel/migrations")))
 *     .build();
 * }</pre>
 */
public final class MigrationPlan {
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String site;
    private final Server source;
    private final Server target;
    private final List<Syncer> syncers;
    private final List<Verifier> verifiers;
    private final DnsSwitcher dns;
    private final List<DnsRecord> switchRecords;
    private final Duration lowTtl;
    private final boolean waitForTtlExpiry;
    private final Duration propagationTimeout;
    private final List<String> dnsNames;
    private final DnsGuard dnsGuard;
    private final MaintenanceMode maintenance;
    private final Backup backup;
    private final Journal journal;
    private final RetryPolicy retry;
    private final List<MigrationListener> listeners;
    private final Duration watchWindow;
    private final Duration watchInterval;

    private MigrationPlan(Builder b) {
        this.site = b.site;
        this.source = b.source;
        this.target = b.target;
        this.syncers = List.copyOf(b.syncers);
        this.verifiers = List.copyOf(b.verifiers);
        this.dns = b.dns;
        this.switchRecords = List.copyOf(b.switchRecords);
        this.lowTtl = b.lowTtl;
        this.waitForTtlExpiry = b.waitForTtlExpiry;
        this.propagationTimeout = b.propagationTimeout;
        this.dnsNames = List.copyOf(b.dnsNames);
        this.dnsGuard = b.dnsGuard;
        this.maintenance = b.maintenance;
        this.backup = b.backup;
        this.journal = b.journal;
        this.retry = b.retry;
        this.listeners = List.copyOf(b.listeners);
        this.watchWindow = b.watchWindow;
        this.watchInterval = b.watchInterval;
    }

    /**
     * Starts a plan for one site.
     *
     * @param site the site's name: letters, digits, dot, dash and underscore, up to 100; it names the journal
     */
    public static Builder builder(String site) {
        return new Builder(site);
    }

    /** A builder holding this plan's values, to derive a changed plan. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String site() {
        return site;
    }

    public Server source() {
        return source;
    }

    public Server target() {
        return target;
    }

    public List<Syncer> syncers() {
        return syncers;
    }

    public List<Verifier> verifiers() {
        return verifiers;
    }

    public Optional<DnsSwitcher> dns() {
        return Optional.ofNullable(dns);
    }

    /** The records the cutover switches to, at their final TTL. */
    public List<DnsRecord> switchRecords() {
        return switchRecords;
    }

    /** The TTL the moratorium lowers the switched records to. */
    public Duration lowTtl() {
        return lowTtl;
    }

    /** Whether the cutover waits until the old TTL has expired since the lowering. */
    public boolean waitForTtlExpiry() {
        return waitForTtlExpiry;
    }

    public Duration propagationTimeout() {
        return propagationTimeout;
    }

    /** The site's DNS names: every switched record lies at or below one of them. Empty when not declared. */
    public List<String> dnsNames() {
        return dnsNames;
    }

    /** The limits on each DNS change. */
    public DnsGuard dnsGuard() {
        return dnsGuard;
    }

    public MaintenanceMode maintenance() {
        return maintenance;
    }

    public Optional<Backup> backup() {
        return Optional.ofNullable(backup);
    }

    public Journal journal() {
        return journal;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public List<MigrationListener> listeners() {
        return listeners;
    }

    /** How long the post-migration watch lasts. */
    public Duration watchWindow() {
        return watchWindow;
    }

    /** How often the watch runs its health verifiers. */
    public Duration watchInterval() {
        return watchInterval;
    }

    @Override
    public String toString() {
        return "MigrationPlan[" + site + ": " + source + " -> " + target + ", " + syncers.size() + " syncer(s), "
                + verifiers.size() + " verifier(s), dns=" + (dns == null ? "none" : dns.name()) + "]";
    }

    /**
     * Builds a {@link MigrationPlan}. Each setter checks its value (null: NPE "x cannot be null";
     * bad value: IAE); {@link #build()} checks the whole (conflicts: ISE saying what to fix).
     * Not thread-safe; the plan it builds is.
     */
    public static final class Builder {
        private final String site;
        private Server source;
        private Server target;
        private final List<Syncer> syncers = new ArrayList<>();
        private final List<Verifier> verifiers = new ArrayList<>();
        private DnsSwitcher dns;
        private final List<DnsRecord> switchRecords = new ArrayList<>();
        private Duration lowTtl = Duration.ofSeconds(60);
        private boolean waitForTtlExpiry = true;
        private Duration propagationTimeout = Duration.ofMinutes(5);
        private final List<String> dnsNames = new ArrayList<>();
        private DnsGuard dnsGuard = DnsGuard.DEFAULT;
        private MaintenanceMode maintenance;
        private Backup backup;
        private Journal journal;
        private RetryPolicy retry = RetryPolicy.defaults();
        private final List<MigrationListener> listeners = new ArrayList<>();
        private Duration watchWindow = Duration.ofMinutes(10);
        private Duration watchInterval = Duration.ofSeconds(30);

        private Builder(String site) {
            Objects.requireNonNull(site, "site cannot be null");
            if (!SITE_NAME.matcher(site).matches()) {
                throw new IllegalArgumentException("site name '" + site
                        + "' must be 1-100 letters, digits, '.', '-' or '_', starting with a letter or digit");
            }
            this.site = site;
        }

        private Builder(MigrationPlan p) {
            this.site = p.site;
            this.source = p.source;
            this.target = p.target;
            this.syncers.addAll(p.syncers);
            this.verifiers.addAll(p.verifiers);
            this.dns = p.dns;
            this.switchRecords.addAll(p.switchRecords);
            this.lowTtl = p.lowTtl;
            this.waitForTtlExpiry = p.waitForTtlExpiry;
            this.propagationTimeout = p.propagationTimeout;
            this.dnsNames.addAll(p.dnsNames);
            this.dnsGuard = p.dnsGuard;
            this.maintenance = p.maintenance;
            this.backup = p.backup;
            this.journal = p.journal;
            this.retry = p.retry;
            this.listeners.addAll(p.listeners);
            this.watchWindow = p.watchWindow;
            this.watchInterval = p.watchInterval;
        }

        /** The old server. */
        public Builder source(Server source) {
            this.source = Objects.requireNonNull(source, "source cannot be null");
            return this;
        }

        /** The new server. */
        public Builder target(Server target) {
            this.target = Objects.requireNonNull(target, "target cannot be null");
            return this;
        }

        /** Adds a syncer; they run in the order added. */
        public Builder syncer(Syncer syncer) {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            Objects.requireNonNull(syncer.name(), "syncer name cannot be null");
            if (syncers.stream().anyMatch(s -> s.name().equals(syncer.name()))) {
                throw new IllegalStateException("plan '" + site + "' already has a syncer named '" + syncer.name()
                        + "': give each syncer its own name");
            }
            syncers.add(syncer);
            return this;
        }

        /** Removes every syncer, so {@link #toBuilder()} can replace them. */
        public Builder clearSyncers() {
            syncers.clear();
            return this;
        }

        /** Adds a verifier. */
        public Builder verifier(Verifier verifier) {
            verifiers.add(Objects.requireNonNull(verifier, "verifier cannot be null"));
            return this;
        }

        /** The DNS provider that switches the site's records. */
        public Builder dns(DnsSwitcher dns) {
            this.dns = Objects.requireNonNull(dns, "dns cannot be null");
            return this;
        }

        /** A record the cutover switches to (name, type, final TTL, new value); all records of that name and type are replaced. */
        public Builder switchRecord(DnsRecord record) {
            Objects.requireNonNull(record, "record cannot be null");
            switchRecords.add(record);
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
            this.propagationTimeout = positive(timeout, "propagationTimeout");
            return this;
        }

        /**
         * Declares the site's DNS names ("shop.example.com."): a switched record outside them is
         * refused unless the guard is forced.
         */
        public Builder dnsNames(String... names) {
            Objects.requireNonNull(names, "names cannot be null");
            for (String n : names) {
                Objects.requireNonNull(n, "name cannot be null");
                dnsNames.add(DnsRecord.absoluteName(n));
            }
            return this;
        }

        /** The limits on each DNS change; {@link DnsGuard#DEFAULT} unless set. */
        public Builder dnsGuard(DnsGuard guard) {
            this.dnsGuard = Objects.requireNonNull(guard, "guard cannot be null");
            return this;
        }

        /** Lifts the DNS guard's limits (keeping its numbers), for a change the operator has checked by hand. */
        public Builder forceDnsChanges(boolean force) {
            this.dnsGuard = new DnsGuard(dnsGuard.maxRecords(), dnsGuard.maxFraction(), force);
            return this;
        }

        /** How the source is made read-only for the cutover (use {@link MaintenanceMode#none()} deliberately). */
        public Builder maintenance(MaintenanceMode maintenance) {
            this.maintenance = Objects.requireNonNull(maintenance, "maintenance cannot be null");
            return this;
        }

        /** A backup taken at the start of the cutover. */
        public Builder backup(Backup backup) {
            this.backup = Objects.requireNonNull(backup, "backup cannot be null");
            return this;
        }

        /** Where progress is journaled. */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal cannot be null");
            return this;
        }

        /** How transient failures are retried; {@link RetryPolicy#defaults()} unless set. */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry cannot be null");
            return this;
        }

        /** Adds a listener. */
        public Builder listener(MigrationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener cannot be null"));
            return this;
        }

        /** The post-migration watch: how long, and how often its health verifiers run; 10 min every 30 s unless set. */
        public Builder watch(Duration window, Duration interval) {
            Objects.requireNonNull(window, "window cannot be null");
            if (window.isNegative()) {
                throw new IllegalArgumentException("watch window cannot be negative, was " + window);
            }
            this.watchWindow = window;
            this.watchInterval = positive(interval, "interval");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what + " cannot be null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        /** Checks the whole plan and builds it. */
        public MigrationPlan build() {
            String p = "plan '" + site + "'";
            if (source == null) {
                throw new IllegalStateException(p + " has no source server: call source(Server)");
            }
            if (target == null) {
                throw new IllegalStateException(p + " has no target server: call target(Server)");
            }
            if (source.host().equals(target.host()) && source.port() == target.port()) {
                throw new IllegalStateException(p + ": source and target are the same server " + source
                        + ": a migration needs two servers");
            }
            if (syncers.isEmpty()) {
                throw new IllegalStateException(p + " has nothing to sync: add at least one syncer");
            }
            checkDistinctWrites(p);
            if (dns != null && switchRecords.isEmpty()) {
                throw new IllegalStateException(p + " has a DNS switcher but no record to switch: call switchRecord(...)");
            }
            if (dns == null && !switchRecords.isEmpty()) {
                throw new IllegalStateException(p + " has records to switch but no DNS switcher: call dns(...)");
            }
            checkDistinctRecords(p);
            checkRecordsWithinSiteNames(p);
            if (maintenance == null) {
                throw new IllegalStateException(p + " has no maintenance mode to make the source read-only at the cutover:"
                        + " call maintenance(...), or maintenance(MaintenanceMode.none()) for a site that takes no writes");
            }
            if (journal == null) {
                throw new IllegalStateException(p + " has no journal: call journal(new DirectoryJournal(dir))");
            }
            return new MigrationPlan(this);
        }

        private void checkDistinctWrites(String p) {
            Map<String, String> writers = new HashMap<>();
            for (Syncer s : syncers) {
                Objects.requireNonNull(s.writes(), "writes() of syncer '" + s.name() + "' cannot be null");
                for (String w : s.writes()) {
                    String other = writers.putIfAbsent(w, s.name());
                    if (other != null) {
                        throw new IllegalStateException(p + ": syncers '" + other + "' and '" + s.name() + "' both write "
                                + w + ": give each syncer its own target directory or database");
                    }
                }
            }
        }

        private void checkRecordsWithinSiteNames(String p) {
            if (dnsNames.isEmpty() || dnsGuard.force()) {
                return;
            }
            for (DnsRecord r : switchRecords) {
                if (dnsNames.stream().noneMatch(n -> r.name().equals(n) || r.name().endsWith("." + n))) {
                    throw new IllegalStateException(p + " switches " + r.name() + ", which is outside the site's names "
                            + dnsNames + ": fix the record, add the name with dnsNames(...), or forceDnsChanges(true)");
                }
            }
        }

        private void checkDistinctRecords(String p) {
            for (int i = 0; i < switchRecords.size(); i++) {
                for (int j = i + 1; j < switchRecords.size(); j++) {
                    if (switchRecords.get(i).equals(switchRecords.get(j))) {
                        throw new IllegalStateException(p + " switches " + switchRecords.get(i) + " twice: remove one");
                    }
                    if (switchRecords.get(i).sameSet(switchRecords.get(j))
                            && switchRecords.get(i).ttl() != switchRecords.get(j).ttl()) {
                        throw new IllegalStateException(p + ": records of " + switchRecords.get(i).name() + " "
                                + switchRecords.get(i).type() + " have different TTLs: one RRset has one TTL");
                    }
                }
            }
        }
    }
}
