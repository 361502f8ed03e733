package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * Finds the zone's authoritative servers: from its NS records (addresses from the primary's glue), or
 * as configured; a configured server is labelled with the NS name whose address it has only when it
 * listens on the name servers' port, as two servers on one address are not both that name server.
 */
public final class Authorities {
    /**
     * One server to ask.
     *
     * @param label "ns1.example.test./192.0.2.53:53"
     * @param address where to ask, or null when no address was found
     */
    public record Server(String label, InetSocketAddress address) {
    }

    private final Primary primary;
    private final List<InetSocketAddress> configured;
    private final int port;

    public Authorities(Primary primary, List<InetSocketAddress> configured, int nameserverPort) {
        this.primary = primary;
        this.configured = List.copyOf(configured);
        this.port = nameserverPort;
    }

    /** The servers; from the NS records unless servers were configured. */
    public List<Server> find() {
        List<Server> out = new ArrayList<>();
        if (!configured.isEmpty()) {
            Map<InetAddress, Name> names = namesByAddress();
            for (InetSocketAddress a : configured) {
                InetSocketAddress resolved = a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
                Name ns = resolved.getAddress() == null || resolved.getPort() != port ? null
                        : names.get(resolved.getAddress());
                out.add(new Server((ns == null ? "" : ns + "/") + Queries.label(resolved), resolved));
            }
            return out;
        }
        for (Name ns : primary.nameservers()) {
            List<InetAddress> addresses = addresses(ns);
            if (addresses.isEmpty()) {
                out.add(new Server(ns + "/(no address)", null));
            }
            addresses.forEach(a -> out.add(new Server(ns + "/" + a.getHostAddress() + ":" + port,
                    new InetSocketAddress(withoutName(a), port))));
        }
        return out;
    }

    private static InetAddress withoutName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.getAddress().length + " bytes", e);
        }
    }

    private List<InetAddress> addresses(Name ns) {
        if (ns.subdomain(primary.scope().zone())) {
            return primary.addresses(ns);
        }
        try {
            return List.of(InetAddress.getAllByName(ns.toString()));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private Map<InetAddress, Name> namesByAddress() {
        Map<InetAddress, Name> out = new HashMap<>();
        try {
            for (Name ns : primary.nameservers()) {
                if (ns.subdomain(primary.scope().zone())) {
                    primary.addresses(ns).forEach(a -> out.putIfAbsent(a, ns));
                }
            }
        } catch (DnsException e) {
            return out;
        }
        return out;
    }
}
