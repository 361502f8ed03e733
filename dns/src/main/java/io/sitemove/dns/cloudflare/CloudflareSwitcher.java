package io.sitemove.dns.cloudflare;

import io.sitemove.DnsConflictException;
import io.sitemove.Secret;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsPartialChangeException;
import io.sitemove.dns.cloudflare.internal.ChangePlanner;
import io.sitemove.dns.cloudflare.internal.ChangeRunner;
import io.sitemove.dns.cloudflare.internal.CfRecord;
import io.sitemove.dns.cloudflare.internal.CloudflareClient;
import io.sitemove.dns.cloudflare.internal.CloudflarePreflight;
import io.sitemove.dns.cloudflare.internal.NameServers;
import io.sitemove.dns.cloudflare.internal.RateLimitRetry;
import io.sitemove.dns.cloudflare.internal.RecordCodec;
import io.sitemove.dns.cloudflare.internal.RecordStore;
import io.sitemove.dns.cloudflare.internal.Sleeper;
import io.sitemove.dns.cloudflare.internal.Step;
import io.sitemove.dns.cloudflare.internal.ZoneInfo;
import io.sitemove.dns.cloudflare.internal.ZoneLookup;
import io.sitemove.dns.internal.Propagator;
import io.sitemove.dns.internal.RRsetKey;
import io.sitemove.dns.internal.Records;
import io.sitemove.dns.internal.Settings;
import io.sitemove.dns.internal.ZoneScope;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsApplyResult;
import io.sitemove.spi.DnsCapabilities;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Propagation;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Switches DNS records of a zone hosted at Cloudflare through its v4 API, authenticated with an API
 * token (which needs Zone read and Zone.DNS edit on the zone). The zone's id is looked up by its
 * name on first use, unless given.
 *
 * <pre>{@code
 * DnsSwitcher dns = CloudflareSwitcher.builder()
 *         .apiToken(Secret.of(System.getenv("CLOUDFLARE_API_TOKEN")))
 *         .zone("example.com.")
 *         .timeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>Cloudflare has no prerequisite and changes one record per call, so a change is a
 * compare-and-swap done by reading the records again just before it (refused with a
 * {@link DnsConflictException}, nothing sent, when they are no longer {@link DnsChange#before()}), then
 * one call per record: records that stay are overwritten keeping their ids, the others deleted or
 * created. When a call fails midway, the calls already made are undone in reverse order and a
 * {@link DnsPartialChangeException} lists what was applied, what was reverted and whether anything is
 * left changed.
 *
 * <p>Cloudflare's automatic TTL (its TTL 1) is read as 300 seconds, which is what it means for
 * records that are not proxied; a record written back with TTL 300 gets an explicit 300. TTLs
 * written must be 30 to 86400 seconds (below 60 only on Enterprise zones). Records created are "DNS
 * only" (not proxied); records overwritten keep their proxy setting, comment and tags. Values are
 * compared in canonical form: names in CNAME and MX values absolute and lower case, TXT values
 * quoted, IPv6 addresses as in RFC 5952.
 *
 * <p>A call limited by rate (HTTP 429) is sent again after Cloudflare's {@code Retry-After} (seconds or
 * an HTTP date), at most {@link Builder#maxRetries(int)} times and waiting at most
 * {@link Builder#maxRetryWait(Duration)} in all; a limit that outlasts them is a transient failure.
 * Nothing else is retried here: a server error (5xx), a dropped connection or a timeout is a transient
 * failure at once, and the engine, which retries whole steps, decides whether to try again (one retry
 * layer). A refused token is a permanent failure; the token never appears in a message or log.
 */
public final class CloudflareSwitcher implements DnsSwitcher {
    private static final long MIN_TTL = 30;
    private static final long MAX_TTL = 86400;
    private static final int MAX_RETRIES = 5;

    private final CloudflareClient client;
    private final String zoneName;
    private final String zoneId;
    private final List<InetSocketAddress> authoritativeServers;
    private final int nameserverPort;
    private final Duration timeout;
    private final AtomicReference<ZoneInfo> zone = new AtomicReference<>();

    private CloudflareSwitcher(Builder b) {
        this.client = new CloudflareClient(b.baseUrl, b.apiToken, b.timeout,
                new RateLimitRetry(b.maxRetries, b.maxRetryWait, b.sleeper, b.clock));
        this.zoneName = b.zone;
        this.zoneId = b.zoneId;
        this.authoritativeServers = b.authoritativeServers;
        this.nameserverPort = b.nameserverPort;
        this.timeout = b.timeout;
    }

    /** A builder; apiToken and zone (or zoneId) are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "cloudflare zone " + (zoneName != null ? zoneName : "id " + zoneId) + " at " + client.base();
    }

    /** Types A, AAAA, CNAME, TXT and MX; TTLs can be set; a change of several records is not atomic. */
    @Override
    public DnsCapabilities capabilities() {
        return new DnsCapabilities(RecordCodec.TYPES, true, false);
    }

    /** The records at the names and types of {@code ctx.switchTo()}; an automatic TTL is read as 300. */
    @Override
    public List<DnsRecord> read(DnsContext ctx) {
        List<RRsetKey> sets = sets(ctx.switchTo());
        return records(store().list(sets));
    }

    /**
     * Reads the records again, then makes the change one call per record.
     *
     * @throws DnsConflictException when the records read are not {@link DnsChange#before()}; nothing was sent
     * @throws DnsPartialChangeException when a call failed after others were made: they were undone, and it
     *     says what is left
     */
    @Override
    public DnsApplyResult apply(DnsContext ctx, DnsChange change) {
        Objects.requireNonNull(change, "change cannot be null");
        List<DnsRecord> before = Records.canonical(change.before());
        List<DnsRecord> after = Records.canonical(change.after());
        after.forEach(CloudflareSwitcher::checkTtl);
        List<DnsRecord> both = new ArrayList<>(before);
        both.addAll(after);
        List<RRsetKey> sets = sets(both);
        RecordStore store = store();
        List<CfRecord> current = store.list(sets);
        Records.requireUnchanged("zone " + store.zone().name() + " at Cloudflare", before, records(current));
        Map<RRsetKey, List<CfRecord>> bySet = current.stream()
                .collect(Collectors.groupingBy(r -> RRsetKey.of(r.record())));
        List<Step> steps = ChangePlanner.plan(bySet, RRsetKey.group(sets, after));
        new ChangeRunner(store).run(steps, before, () -> records(store.list(sets)));
        return new DnsApplyResult(steps.isEmpty() ? records(current) : records(store.list(sets)), -1);
    }

    @Override
    public Propagation awaitPropagation(DnsContext ctx, List<DnsRecord> expected, Duration timeout) {
        Objects.requireNonNull(expected, "expected cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        List<DnsRecord> wanted = Records.canonical(expected);
        List<DnsRecord> all = new ArrayList<>(wanted);
        all.addAll(ctx.switchTo());
        Propagator propagator = new Propagator(scope(), this.timeout, () -> NameServers.find(authoritativeServers,
                authoritativeServers.isEmpty() ? zone() : null, nameserverPort));
        return propagator.await(sets(all), wanted, timeout);
    }

    /** From {@code result_info.total_count} of a list of one record per page. */
    @Override
    public OptionalLong zoneRecordCount(DnsContext ctx) {
        return OptionalLong.of(store().count());
    }

    /** The token accepted, the zone found and active, the records readable, their types supported, none proxied. */
    @Override
    public List<CheckResult> preflight(PreflightContext ctx, DnsContext dns) {
        List<RRsetKey> sets = RRsetKey.distinct(dns.switchTo());
        return new CloudflarePreflight(this::zone, z -> new RecordStore(client, z))
                .run(zoneName != null ? zoneName : "id " + zoneId, sets);
    }

    private ZoneInfo zone() {
        ZoneInfo z = zone.get();
        if (z == null) {
            z = new ZoneLookup(client).find(zoneName, zoneId);
            zone.compareAndSet(null, z);
        }
        return z;
    }

    /** The zone's scope; the API is asked only when the zone's name was not configured. */
    private ZoneScope scope() {
        return new ZoneScope(Records.name(zoneName != null ? zoneName : zone().name()));
    }

    private RecordStore store() {
        return new RecordStore(client, zone());
    }

    private List<RRsetKey> sets(List<DnsRecord> records) {
        ZoneScope scope = scope();
        for (DnsRecord r : records) {
            scope.check(r.name());
            if (!RecordCodec.TYPES.contains(r.type())) {
                throw new DnsException("record type " + r.type() + " of " + r.name() + " is not supported by the"
                        + " Cloudflare switcher (only " + RecordCodec.TYPES + "): switch it another way", null, false);
            }
        }
        return RRsetKey.distinct(records);
    }

    private static List<DnsRecord> records(List<CfRecord> records) {
        return records.stream().map(CfRecord::record).toList();
    }

    private static void checkTtl(DnsRecord r) {
        if (r.ttl() < MIN_TTL || r.ttl() > MAX_TTL) {
            throw new DnsException("TTL " + r.ttl() + " of " + r + " cannot be set at Cloudflare: use " + MIN_TTL + " to "
                    + MAX_TTL + " seconds (below 60 only on Enterprise zones); nothing was changed", null, false);
        }
    }

    /** Builds a {@link CloudflareSwitcher}; validates each value as it is given. */
    public static final class Builder {
        private Secret apiToken;
        private String zone;
        private String zoneId;
        private URI baseUrl = URI.create("https://api.cloudflare.com/client/v4");
        private Duration timeout = Duration.ofSeconds(10);
        private int maxRetries = 2;
        private Duration maxRetryWait = Duration.ofSeconds(60);
        private List<InetSocketAddress> authoritativeServers = List.of();
        private int nameserverPort = 53;
        private Sleeper sleeper = Sleeper.THREAD;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The API token (Zone read and Zone.DNS edit on the zone); never logged nor put in a message. */
        public Builder apiToken(Secret token) {
            Objects.requireNonNull(token, "apiToken cannot be null");
            if (token.reveal().isBlank() || token.reveal().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("apiToken is empty or has characters an API token cannot have");
            }
            this.apiToken = token;
            return this;
        }

        /** The zone's name ("example.com."; the trailing dot may be left out); its id is looked up unless given. */
        public Builder zone(String zone) {
            Objects.requireNonNull(zone, "zone cannot be null");
            String z = ZoneInfo.absolute(zone.strip());
            Records.name(z);
            if (z.equals(".")) {
                throw new IllegalArgumentException("zone cannot be the root");
            }
            this.zone = z;
            return this;
        }

        /** The zone's Cloudflare id, which spares the lookup by name (when both are given they must agree). */
        public Builder zoneId(String zoneId) {
            Objects.requireNonNull(zoneId, "zoneId cannot be null");
            if (!zoneId.matches("[A-Za-z0-9]{1,64}")) {
                throw new IllegalArgumentException("zoneId '" + zoneId + "' is not a Cloudflare identifier (32 hex digits)");
            }
            this.zoneId = zoneId;
            return this;
        }

        /** The API's base address (default {@code https://api.cloudflare.com/client/v4}). */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl " + baseUrl + " is not an http(s) address");
            }
            if (baseUrl.getQuery() != null || baseUrl.getFragment() != null || baseUrl.getUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl " + baseUrl + " must have no query, fragment or user");
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * How long one call to the API may take in all, connecting and the whole answer included, and how
         * long each DNS answer is awaited in the propagation check (default 10 s). An endpoint that
         * accepts and never answers, or stops in the middle of its answer, fails the call with a
         * transient {@link io.sitemove.dns.DnsTimeoutException} naming the API's address and this wait.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Settings.positive(timeout, "timeout");
            return this;
        }

        /**
         * How many times a call that Cloudflare limits by rate (HTTP 429) is sent again within the call
         * (default 2, at most 5; 0 for never). Other failures are not retried here: the engine retries steps.
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
                throw new IllegalArgumentException("maxRetries " + maxRetries + " is outside 0.." + MAX_RETRIES
                        + "; the engine retries whole steps, so a call waits out only a short rate limit");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The longest one call waits for rate limits, all its waits together (default 60 s): a
         * {@code Retry-After} asking for more is cut to what is left; 0 for never waiting, so never retrying.
         */
        public Builder maxRetryWait(Duration maxRetryWait) {
            Objects.requireNonNull(maxRetryWait, "maxRetryWait cannot be null");
            if (maxRetryWait.isNegative()) {
                throw new IllegalArgumentException("maxRetryWait cannot be negative: " + maxRetryWait);
            }
            this.maxRetryWait = maxRetryWait;
            return this;
        }

        /** The servers to check for propagation, instead of the zone's Cloudflare name servers. */
        public Builder authoritativeServers(List<InetSocketAddress> servers) {
            this.authoritativeServers = Settings.servers(servers, "authoritativeServers", "server",
                    "leave it out to use the zone's name servers");
            return this;
        }

        /** The port of the zone's name servers in the propagation check (default 53). */
        public Builder nameserverPort(int port) {
            this.nameserverPort = Settings.port(port, "nameserver port");
            return this;
        }

        /** For tests: what waits between retries. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper cannot be null");
            return this;
        }

        /** For tests: the time an HTTP-date {@code Retry-After} is counted from. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock cannot be null");
            return this;
        }

        /** The switcher; ISE when the token or the zone is missing. */
        public CloudflareSwitcher build() {
            if (apiToken == null) {
                throw new IllegalStateException("apiToken(...) is required");
            }
            if (zone == null && zoneId == null) {
                throw new IllegalStateException("zone(...) or zoneId(...) is required");
            }
            return new CloudflareSwitcher(this);
        }
    }
}
