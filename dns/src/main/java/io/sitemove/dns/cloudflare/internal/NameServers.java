package io.sitemove.dns.cloudflare.internal;

import io.sitemove.dns.internal.Authorities;
import io.sitemove.dns.internal.Queries;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The servers to ask for propagation: the configured ones, or the zone's Cloudflare name servers. */
public final class NameServers {
    private NameServers() {
    }

    /**
     * @param configured servers given to the builder, or empty
     * @param zone the zone, whose {@code name_servers} are used when none were configured (null when some were)
     * @param port the port of the zone's name servers
     */
    public static List<Authorities.Server> find(List<InetSocketAddress> configured, ZoneInfo zone, int port) {
        List<Authorities.Server> out = new ArrayList<>();
        if (!configured.isEmpty()) {
            for (InetSocketAddress a : configured) {
                InetSocketAddress resolved = a.isUnresolved() ? new InetSocketAddress(a.getHostString(), a.getPort()) : a;
                out.add(new Authorities.Server(Queries.label(resolved), resolved.isUnresolved() ? null : resolved));
            }
            return out;
        }
        for (String ns : zone.nameServers()) {
            String name = ZoneInfo.absolute(ns);
            try {
                for (InetAddress a : InetAddress.getAllByName(ZoneInfo.relative(name))) {
                    out.add(new Authorities.Server(name + "/" + a.getHostAddress() + ":" + port,
                            new InetSocketAddress(a, port)));
                }
            } catch (UnknownHostException e) {
                out.add(new Authorities.Server(name + "/(no address)", null));
            }
        }
        return out;
    }
}
