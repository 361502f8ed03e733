package io.sitemove;

import io.sitemove.event.MigrationListener;
import io.sitemove.spi.Backup;
import io.sitemove.internal.SiteNames;
import io.sitemove.spi.Journal;
import io.sitemove.spi.MaintenanceMode;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 *     .syncer(MySqlSyncer.builder().source(oldDb).target(newDb).applicationUser("shop@%").build())
 *     .verifier(DatabaseVerifier.builder().source(oldDb).target(newDb).build())
 *     .dns(DnsCutover.builder(switcher)
 *         .names("shop.example.com.")
 *         .record(DnsRecord.a("shop.example.com.", 3600, "198.51.100.20"))
 *         .build())
 *     .maintenance(new WordPressMaintenance("/var/www/shop", "/srv/shop"))
 *     .journal(new DirectoryJournal(Path.of("/var/lib/panel/migrations")))
 *     .build();
 * }</pre>
 *
 * <p>The README's example, complete with its declarations, is {@code examples/.../ReadmeExample.java},
 * compiled with the project.
 */
public final class MigrationPlan {
    private final String site;
    private final Server source;
    private final Server target;
    private final List<Syncer> syncers;
    private final List<Verifier> verifiers;
    private final DnsCutover dns;
    private final MaintenanceMode maintenance;
    private final Backup backup;
    private final Journal journal;
    private final RetryPolicy retry;
    private final List<MigrationListener> listeners;
    private final Watch watch;

    private MigrationPlan(Builder b) {
        this.site = b.site;
        this.source = b.source;
        this.target = b.target;
        this.syncers = List.copyOf(b.syncers);
        this.verifiers = List.copyOf(b.verifiers);
        this.dns = b.dns;
        this.maintenance = b.maintenance;
        this.backup = b.backup;
        this.journal = b.journal;
        this.retry = b.retry;
        this.listeners = List.copyOf(b.listeners);
        this.watch = b.watch;
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

    /** How the cutover moves the site's DNS; empty when the plan leaves DNS alone. */
    public Optional<DnsCutover> dns() {
        return Optional.ofNullable(dns);
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

    /** The post-migration watch. */
    public Watch watch() {
        return watch;
    }

    @Override
    public String toString() {
        return "MigrationPlan[" + site + ": " + source + " -> " + target + ", " + syncers.size() + " syncer(s), "
                + verifiers.size() + " verifier(s), dns=" + (dns == null ? "none" : dns.switcher().name()) + "]";
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
        private DnsCutover dns;
        private MaintenanceMode maintenance;
        private Backup backup;
        private Journal journal;
        private RetryPolicy retry = RetryPolicy.defaults();
        private final List<MigrationListener> listeners = new ArrayList<>();
        private Watch watch = Watch.DEFAULT;

        private Builder(String site) {
            this.site = SiteNames.check(site);
        }

        private Builder(MigrationPlan p) {
            this.site = p.site;
            this.source = p.source;
            this.target = p.target;
            this.syncers.addAll(p.syncers);
            this.verifiers.addAll(p.verifiers);
            this.dns = p.dns;
            this.maintenance = p.maintenance;
            this.backup = p.backup;
            this.journal = p.journal;
            this.retry = p.retry;
            this.listeners.addAll(p.listeners);
            this.watch = p.watch;
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

        /** How the cutover moves the site's DNS (see {@link DnsCutover#builder(io.sitemove.spi.DnsSwitcher)}). */
        public Builder dns(DnsCutover dns) {
            this.dns = Objects.requireNonNull(dns, "dns cannot be null");
            return this;
        }

        /** Leaves DNS alone: the panel switches it by other means. */
        public Builder noDns() {
            this.dns = null;
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

        /** The post-migration watch; {@link Watch#DEFAULT} unless set. */
        public Builder watch(Watch watch) {
            this.watch = Objects.requireNonNull(watch, "watch cannot be null");
            return this;
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
    }
}
