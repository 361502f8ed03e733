package io.sitemove.testkit;

import java.net.NetworkInterface;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the address for named. BIND listens only on addresses configured on an interface, and
 * a stock loopback has just 127.0.0.1 (other 127/8 addresses work for every other server but not
 * for BIND): 127.0.0.10 when configured, else 127.0.0.1.
 */
final class DnsAddress {

    static final String PREFERRED = "127.0.0.10";
    static final String FALLBACK = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(DnsAddress.class);

    private DnsAddress() {
    }

    static String choose() {
        try {
            if (NetworkInterface.getByInetAddress(Ports.address(PREFERRED)) != null) {
                return PREFERRED;
            }
        } catch (SocketException e) {
            LOG.debug("cannot list the network interfaces: {}", e.toString());
        }
        LOG.info("{} is not on any interface, so BIND cannot listen there; using {} "
                + "(to get {}: ip addr add {}/8 dev lo)", PREFERRED, FALLBACK, PREFERRED, PREFERRED);
        return FALLBACK;
    }
}
