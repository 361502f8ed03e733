package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.DnsRecord;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Asks recursive resolvers (a public resolver, an ISP's) once what they answer for the switched
 * RRsets, for the report only: their caches follow the records' TTLs, so their answers are never
 * required. Values are compared, TTLs not (a cache counts them down). All of them are asked within a
 * deadline: each query waits at most the timeout and the time left, but at least 100 ms, so that every
 * resolver is asked once.
 */
public final class PublicResolvers {
    /** The prefix of a resolver's key in {@link io.sitemove.spi.Propagation#answers()}. */
    public static final String PREFIX = "resolver ";

    private static final long MIN_WAIT_NANOS = 100_000_000L;

    private final ZoneScope scope;
    private final List<InetSocketAddress> resolvers;
    private final Duration timeout;

    public PublicResolvers(ZoneScope scope, List<InetSocketAddress> resolvers, Duration timeout) {
        this.scope = scope;
        this.resolvers = List.copyOf(resolvers);
        this.timeout = timeout;
    }

    /**
     * Per resolver ("resolver 192.0.2.1:53"), what it answered or why it could not be asked.
     *
     * @param deadline the {@link System#nanoTime()} by which to be done
     */
    public Map<String, String> ask(Map<RRsetKey, List<DnsRecord>> bySet, long deadline) {
        Map<String, String> out = new LinkedHashMap<>();
        for (InetSocketAddress configured : resolvers) {
            InetSocketAddress resolver = configured.isUnresolved()
                    ? new InetSocketAddress(configured.getHostString(), configured.getPort()) : configured;
            out.put(PREFIX + Queries.label(resolver), answer(resolver, bySet, deadline));
        }
        return out;
    }

    private String answer(InetSocketAddress resolver, Map<RRsetKey, List<DnsRecord>> bySet, long deadline) {
        if (resolver.isUnresolved()) {
            return "unreachable: its host name does not resolve";
        }
        List<String> parts = new ArrayList<>();
        try {
            for (Map.Entry<RRsetKey, List<DnsRecord>> e : bySet.entrySet()) {
                List<DnsRecord> found = records(resolver, e.getKey(), deadline);
                boolean same = values(found).equals(values(e.getValue()));
                parts.add(Propagator.describe(e.getKey(), found)
                        + (same ? "" : " (expected " + Propagator.describe(e.getKey(), e.getValue()) + ")"));
            }
        } catch (DnsException e) {
            return "unreachable: " + e.getMessage();
        }
        return String.join(", ", parts);
    }

    private List<DnsRecord> records(InetSocketAddress resolver, RRsetKey set, long deadline) {
        Name name = scope.check(set.name());
        int type = Records.type(set.type());
        String what = name + " " + Type.string(type);
        long left = Math.max(deadline - System.nanoTime(), MIN_WAIT_NANOS);
        Duration wait = left < timeout.toNanos() ? Duration.ofNanos(left) : timeout;
        Message response = Queries.send(resolver, Queries.recursiveQuestion(name, type), null, false, wait, what,
                wait.equals(timeout) ? "the timeout of one answer" : "the rest of the resolvers' deadline");
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsException("answered " + Rcode.string(rcode) + " for " + what, null, true);
        }
        List<DnsRecord> out = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getName().equals(name) && r.getType() == type) {
                out.add(Records.fromDnsjava(r));
            }
        }
        return out;
    }

    private static Set<String> values(List<DnsRecord> records) {
        return records.stream().map(DnsRecord::value).collect(Collectors.toSet());
    }
}
