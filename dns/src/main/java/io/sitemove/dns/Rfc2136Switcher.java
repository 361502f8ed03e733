package io.sitemove.dns;

import io.sitemove.DnsConflictException;
import io.sitemove.Secret;
import io.sitemove.dns.internal.Authorities;
import io.sitemove.dns.internal.Preflight;
import io.sitemove.dns.internal.Primary;
import io.sitemove.dns.internal.Propagator;
import io.sitemove.dns.internal.PublicResolvers;
import io.sitemove.dns.internal.RRsetKey;
import io.sitemove.dns.internal.Records;
import io.sitemove.dns.internal.Settings;
import io.sitemove.dns.internal.Tsigs;
import io.sitemove.dns.internal.UpdateBuilder;
import io.sitemove.dns.internal.UpdateOutcome;
import io.sitemove.dns.internal.ZoneScope;
import io.sitemove.dns.internal.ZoneSize;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Update;

/**
 * Switches DNS records on the zone's primary name server with RFC 2136 dynamic updates signed with
 * TSIG. Reads go to the primary over TCP, signed, with no cache. Every change is one update message
 * whose prerequisites make it a compare-and-swap on the records read before; TTLs, which the
 * prerequisites cannot see, are compared just before sending. Every response's TSIG signature is
 * verified.
 *
 * <pre>{@code
 * DnsSwitcher dns = Rfc2136Switcher.builder()
 *         .zone("example.com.")
 *         .server("192.0.2.53", 53)
 *         .tsig("sitemove-key.", "hmac-sha256", Secret.of(base64Secret))
 *         .timeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>Record values are compared in a canonical form: IPv6 addresses as in RFC 5952, names in
 * CNAME, NS, PTR, DNAME and MX values in lower case; names in values must be absolute (end with a dot).
 *
 * <p>Propagation is checked on every authoritative server (those of the zone's NS records, or
 * {@link Builder#authoritativeServers(List) as configured}): each must answer authoritatively with
 * the expected records and a serial at least the primary's. Recursive resolvers given to
 * {@link Builder#publicResolvers(List)} are asked too, once, and their answers reported under keys
 * {@code "resolver host:port"}, never required: their caches follow the old records' TTLs.
 *
 * <p>Every wait is bounded. Each answer is awaited at most {@link Builder#timeout(Duration)}, and each
 * operation with the primary ends within {@link Builder#operationTimeout(Duration)}; a server that
 * accepts and never answers, or a UDP port that swallows the queries, fails with a
 * {@link DnsTimeoutException} (transient) that names the server, what was asked and the wait that ran
 * out. A propagation check ends within its own timeout plus one answer timeout (for the resolvers),
 * 100 ms per server that does not answer once its time is up, and the lookups that start it.
 */
public final class Rfc2136Switcher implements DnsSwitcher {
    private static final Logger LOG = LoggerFactory.getLogger(Rfc2136Switcher.class);
    private static final DnsCapabilities CAPABILITIES =
            new DnsCapabilities(Set.of("A", "AAAA", "CNAME", "TXT", "MX"), true, true);

    private final ZoneScope scope;
    private final Primary primary;
    private final UpdateBuilder updates;
    private final PublicResolvers resolvers;
    private final List<InetSocketAddress> authoritativeServers;
    private final int nameserverPort;

    private Rfc2136Switcher(Builder b) {
        this.scope = new ZoneScope(b.zone);
        this.primary = new Primary(b.host, b.port, scope, b.keyName, b.algorithm, b.key, b.timeout, b.operationTimeout);
        this.updates = new UpdateBuilder(scope);
        this.authoritativeServers = b.authoritativeServers;
        this.nameserverPort = b.nameserverPort;
        this.resolvers = new PublicResolvers(scope, b.publicResolvers, b.timeout);
    }

    /** A builder; zone, server and tsig are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "rfc2136 " + scope + " at " + primary.label();
    }

    @Override
    public List<DnsRecord> read(DnsContext ctx) {
        return primary.bounded().read(sets(ctx.switchTo()));
    }

    /**
     * Reads the RRsets again and sends the change as one update whose prerequisites are the records
     * before.
     *
     * @throws DnsConflictException when the records are not {@link DnsChange#before()}: seen by the read
     *     (nothing sent) or by the server's prerequisites (refused); either way nothing was changed
     * @throws DnsUpdateException when the server refused the update for another reason
     */
    @Override
    public DnsApplyResult apply(DnsContext ctx, DnsChange change) {
        Objects.requireNonNull(change, "change cannot be null");
        DnsChange canonical = new DnsChange(canonical(change.before()), canonical(change.after()));
        updates.validate(canonical);
        List<RRsetKey> sets = UpdateBuilder.sets(canonical);
        Primary primary = this.primary.bounded();
        List<DnsRecord> current = primary.read(sets);
        Records.requireUnchanged(where(), canonical.before(), current);
        if (canonical.isEmpty()) {
            return new DnsApplyResult(current, primary.serial());
        }
        Update update = updates.build(canonical);
        LOG.info("updating zone {} at {} with {}: {}", scope, primary.label(), primary.keyLabel(), canonical.describe());
        Message response = primary.exchange(update, "an update of zone " + scope, true);
        UpdateOutcome.require(response, where(), primary.keyLabel(), canonical.before(), () -> primary.read(sets));
        List<DnsRecord> applied = primary.read(sets);
        long serial = primary.serial();
        LOG.info("zone {} at {} updated, serial {}", scope, primary.label(), serial);
        return new DnsApplyResult(applied, serial);
    }

    /**
     * Asks every authoritative server until all agree or {@code timeout} is up, then the resolvers; see
     * the class's description for the bound.
     *
     * @throws DnsTimeoutException when the primary does not answer the lookups that start the check
     */
    @Override
    public Propagation awaitPropagation(DnsContext ctx, List<DnsRecord> expected, Duration timeout) {
        Objects.requireNonNull(expected, "expected cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        List<DnsRecord> wanted = canonical(expected);
        List<DnsRecord> all = new ArrayList<>(wanted);
        all.addAll(ctx.switchTo());
        Primary primary = this.primary.bounded();
        Propagator propagator = new Propagator(primary, new Authorities(primary, authoritativeServers, nameserverPort),
                resolvers);
        return propagator.await(sets(all), wanted, timeout);
    }

    /**
     * A, AAAA, CNAME, TXT and MX; TTLs are set per RRset; a change of several RRsets is one RFC 2136
     * update, which the server applies all or nothing.
     */
    @Override
    public DnsCapabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Counts the zone's records with a zone transfer (AXFR) from the primary over TCP, signed with
     * the TSIG key and verified; the SOA that opens and the one that closes the transfer are not
     * counted, so the zone's SOA is not either. The server must allow transfers with the key. Records
     * are counted as they arrive, none is kept; the whole transfer, connecting included, must end within
     * the {@link Builder#operationTimeout(Duration) operation timeout}.
     *
     * @throws DnsException when the transfer is refused or its signature does not verify (permanent),
     *     or {@link DnsTimeoutException} when the server cannot be reached or stops answering
     */
    @Override
    public OptionalLong zoneRecordCount(DnsContext ctx) {
        long count = new ZoneSize(primary.bounded()).count();
        LOG.debug("zone {} at {} holds {} records besides its SOA", scope, primary.label(), count);
        return OptionalLong.of(count);
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx, DnsContext dns) {
        return new Preflight(primary.bounded()).run(RRsetKey.distinct(dns.switchTo()));
    }

    private List<RRsetKey> sets(List<DnsRecord> records) {
        scope.checkAll(records);
        return RRsetKey.distinct(records);
    }

    private List<DnsRecord> canonical(List<DnsRecord> records) {
        scope.checkAll(records);
        return Records.canonical(records);
    }

    /** "zone example.com. at 192.0.2.53:53", for messages. */
    private String where() {
        return "zone " + scope + " at " + primary.label();
    }

    /** Builds an {@link Rfc2136Switcher}; validates each value as it is given. */
    public static final class Builder {
        private Name zone;
        private String host;
        private int port;
        private Name keyName;
        private Name algorithm;
        private byte[] key;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration operationTimeout = Duration.ofSeconds(30);
        private int nameserverPort = 53;
        private List<InetSocketAddress> authoritativeServers = List.of();
        private List<InetSocketAddress> publicResolvers = List.of();

        private Builder() {
        }

        /** The zone to change ("example.com."); the trailing dot may be left out. */
        public Builder zone(String zone) {
            Objects.requireNonNull(zone, "zone cannot be null");
            this.zone = Records.name(zone.toLowerCase(Locale.ROOT));
            return this;
        }

        /** The zone's primary server, which accepts updates: an address or host name, and its port. */
        public Builder server(String host, int port) {
            Objects.requireNonNull(host, "host cannot be null");
            if (host.isBlank()) {
                throw new IllegalArgumentException("server host is empty");
            }
            this.host = host;
            this.port = Settings.port(port, "server port");
            return this;
        }

        /** The TSIG key: its name ("sitemove-key."), algorithm ("hmac-sha256") and base64 secret. */
        public Builder tsig(String keyName, String algorithm, Secret secret) {
            Objects.requireNonNull(keyName, "keyName cannot be null");
            Objects.requireNonNull(algorithm, "algorithm cannot be null");
            Objects.requireNonNull(secret, "secret cannot be null");
            Name name = Records.name(keyName);
            Name alg = Tsigs.algorithm(algorithm);
            this.key = Tsigs.decode(name.toString(), secret);
            this.keyName = name;
            this.algorithm = alg;
            return this;
        }

        /**
         * How long to wait for each answer (default 5 s), over UDP or TCP, connecting included, and a
         * retry over TCP of a truncated UDP answer included.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Settings.positive(timeout, "timeout");
            return this;
        }

        /**
         * The deadline of one whole operation with the primary (default 30 s): reading the records,
         * applying a change (its reads before and after included), the preflight checks, a zone transfer,
         * and the lookups that start a propagation check. Each answer is awaited at most the time left,
         * and once none is left the operation fails with a {@link DnsTimeoutException}. At least the
         * {@link #timeout(Duration) timeout}.
         */
        public Builder operationTimeout(Duration operationTimeout) {
            this.operationTimeout = Settings.positive(operationTimeout, "operationTimeout");
            return this;
        }

        /** The port of the servers found through the zone's NS records (default 53). */
        public Builder nameserverPort(int port) {
            this.nameserverPort = Settings.port(port, "nameserver port");
            return this;
        }

        /** The servers to check for propagation, instead of those of the zone's NS records. */
        public Builder authoritativeServers(List<InetSocketAddress> servers) {
            this.authoritativeServers = Settings.servers(servers, "authoritativeServers", "server",
                    "leave it out to use the NS records");
            return this;
        }

        /**
         * Recursive resolvers to ask, once, after the authoritative servers: their answers are
         * reported in {@link Propagation#answers()} under {@code "resolver host:port"} (or why they
         * could not be asked) and never decide whether propagation is complete.
         */
        public Builder publicResolvers(List<InetSocketAddress> resolvers) {
            this.publicResolvers = Settings.servers(resolvers, "publicResolvers", "resolver",
                    "leave it out to ask no resolver");
            return this;
        }

        /** The switcher; ISE when zone, server or tsig is missing. */
        public Rfc2136Switcher build() {
            if (zone == null) {
                throw new IllegalStateException("zone(...) is required");
            }
            if (host == null) {
                throw new IllegalStateException("server(...) is required");
            }
            if (keyName == null) {
                throw new IllegalStateException("tsig(...) is required: updates must be signed");
            }
            if (operationTimeout.compareTo(timeout) < 0) {
                throw new IllegalStateException("operationTimeout " + Settings.text(operationTimeout)
                        + " is shorter than the timeout of one answer, " + Settings.text(timeout)
                        + ": raise operationTimeout or lower timeout");
            }
            return new Rfc2136Switcher(this);
        }
    }
}
