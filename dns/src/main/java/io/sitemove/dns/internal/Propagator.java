package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Asks every authoritative server directly (no recursion) until each answers authoritatively with
 * the expected records and TTLs and a zone serial at least the primary's, or the time is up; then,
 * for the report, the recursive resolvers configured. Without a primary (a hosted provider's API),
 * serials are reported but not compared.
 *
 * <p>Not propagated in time is an answer, not a failure: {@link Propagation#complete()} false, with
 * what each server answered. A server that does not answer, answers wrongly or cannot be reached is
 * reported the same way under its name, and asked again only while time is left: each query waits at
 * most the time left (and at least 100 ms, so that every server is asked once). Only a failure to learn
 * which servers to ask, or the primary's serial, is thrown (transient when the primary did not answer).
 * The resolvers are asked by the same deadline, or within one query timeout when less is left; so the
 * whole check ends within its timeout, plus one query timeout, plus 100 ms per server and resolver that
 * does not answer once the time is up.
 */
public final class Propagator {
    private static final long POLL_MILLIS = 200;

    private static final long NO_SERIAL = -1;

    private final ZoneScope scope;
    private final Duration timeout;
    private final Supplier<List<Authorities.Server>> authorities;
    private final LongSupplier primarySerial;
    private final PublicResolvers resolvers;

    /**
     * @param resolvers recursive resolvers asked once after the authoritative servers, their answers reported
     *     (keys {@link PublicResolvers#PREFIX}) but never required
     */
    public Propagator(Primary primary, Authorities authorities, PublicResolvers resolvers) {
        this(primary.scope(), primary.timeout(), authorities::find, primary::serial, resolvers);
    }

    /** For a zone with no primary to ask: the given servers must answer the records; their serials are only reported. */
    public Propagator(ZoneScope scope, Duration timeout, Supplier<List<Authorities.Server>> servers) {
        this(scope, timeout, servers, () -> NO_SERIAL, new PublicResolvers(scope, List.of(), timeout));
    }

    private Propagator(ZoneScope scope, Duration timeout, Supplier<List<Authorities.Server>> servers,
            LongSupplier primarySerial, PublicResolvers resolvers) {
        this.scope = scope;
        this.timeout = timeout;
        this.authorities = servers;
        this.primarySerial = primarySerial;
        this.resolvers = resolvers;
    }

    /**
     * @param sets the RRsets to check; those without expected records must not exist
     * @param expected the records expected, values canonical
     */
    public Propagation await(List<RRsetKey> sets, List<DnsRecord> expected, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<RRsetKey, List<DnsRecord>> bySet = RRsetKey.group(sets, expected);
        List<Authorities.Server> servers = authorities.get();
        long serial = primarySerial.getAsLong();
        while (true) {
            Map<String, String> answers = new LinkedHashMap<>();
            boolean all = !servers.isEmpty();
            for (Authorities.Server server : servers) {
                Answer a = ask(server, bySet, serial, deadline);
                answers.put(server.label(), a.text());
                all &= a.agrees();
            }
            long left = deadline - System.nanoTime();
            if (all || left <= 0) {
                answers.putAll(resolvers.ask(bySet, Math.max(deadline, System.nanoTime() + this.timeout.toNanos())));
                return new Propagation(all, answers, Duration.ofNanos(System.nanoTime() - start));
            }
            sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }

    private record Answer(boolean agrees, String text) {
    }

    private Answer ask(Authorities.Server server, Map<RRsetKey, List<DnsRecord>> bySet, long primarySerial,
            long deadline) {
        if (server.address() == null) {
            return new Answer(false, "no address found for this name server");
        }
        try {
            long serial = serial(server, perQuery(deadline));
            boolean agrees = primarySerial == NO_SERIAL || SerialNumbers.atLeast(serial, primarySerial);
            List<String> parts = new ArrayList<>();
            parts.add("serial " + serial + (agrees ? "" : " (primary has " + primarySerial + ")"));
            for (Map.Entry<RRsetKey, List<DnsRecord>> e : bySet.entrySet()) {
                List<DnsRecord> found = records(server, e.getKey(), perQuery(deadline));
                boolean same = found.size() == e.getValue().size() && new HashSet<>(found).equals(new HashSet<>(e.getValue()));
                agrees &= same;
                parts.add(describe(e.getKey(), found) + (same ? "" : " (expected " + describe(e.getKey(), e.getValue()) + ")"));
            }
            return new Answer(agrees, String.join(", ", parts));
        } catch (DnsException e) {
            return new Answer(false, e.getMessage());
        }
    }

    private long serial(Authorities.Server server, Duration timeout) {
        Name zone = scope.zone();
        for (Record r : ask(server, zone, Type.SOA, timeout).getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && r.getName().equals(zone)) {
                return soa.getSerial();
            }
        }
        throw new DnsException("no SOA record for zone " + zone + " in the answer", null, true);
    }

    private List<DnsRecord> records(Authorities.Server server, RRsetKey set, Duration timeout) {
        Name name = scope.check(set.name());
        int type = Records.type(set.type());
        List<DnsRecord> out = new ArrayList<>();
        for (Record r : ask(server, name, type, timeout).getSection(Section.ANSWER)) {
            if (r.getName().equals(name) && r.getType() == type) {
                out.add(Records.fromDnsjava(r));
            }
        }
        return out;
    }

    private static Message ask(Authorities.Server server, Name name, int type, Duration timeout) {
        String what = name + " " + Type.string(type);
        Message response = Queries.send(server.address(), Queries.question(name, type), null, false, timeout, what);
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsException("answered " + Rcode.string(rcode) + " for " + what, null, true);
        }
        if (!response.getHeader().getFlag(Flags.AA)) {
            throw new DnsException("not authoritative (no AA flag) for " + what, null, true);
        }
        return response;
    }

    /** "site.example.test. 300 A 127.0.0.2 127.0.0.3", or "... A none" for an RRset that does not exist. */
    static String describe(RRsetKey set, List<DnsRecord> records) {
        if (records.isEmpty()) {
            return set.name() + " " + set.type() + " none";
        }
        return set.name() + " " + records.get(0).ttl() + " " + set.type() + " "
                + records.stream().map(DnsRecord::value).sorted().collect(Collectors.joining(" "));
    }

    /** The time left, but at least 100 ms and at most the timeout of one query. */
    private Duration perQuery(long deadline) {
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 100_000_000L));
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting for DNS propagation", e, true);
        }
    }
}
