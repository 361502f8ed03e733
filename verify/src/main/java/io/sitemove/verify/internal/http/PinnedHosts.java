package io.sitemove.verify.internal.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The client's own resolver: the pinned host names go to the new server's address and port (port 0: the
 * URL's own port), every other name to the system's resolver. Nothing JVM-wide changes; the URL, the {@code Host} header and TLS SNI
 * keep the site's name.
 */
final class PinnedHosts implements DnsResolver {
    private final Map<String, InetSocketAddress> pins;

    PinnedHosts(Map<String, InetSocketAddress> pins) {
        this.pins = Map.copyOf(pins);
    }

    static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    InetSocketAddress pinOf(String host) {
        return pins.get(key(host));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetSocketAddress pin = pinOf(host);
        return pin != null ? new InetAddress[] {pin.getAddress()} : SystemDefaultDnsResolver.INSTANCE.resolve(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetSocketAddress pin = pinOf(host);
        if (pin == null) {
            return SystemDefaultDnsResolver.INSTANCE.resolve(host, port);
        }
        return List.of(pin.getPort() == 0 ? new InetSocketAddress(pin.getAddress(), port) : pin);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return pinOf(host) != null ? host : SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
