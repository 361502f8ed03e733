package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The testkit's authoritative DNS server: BIND, primary for one zone that accepts RFC 2136
 * updates signed with a TSIG key; or, from {@link Testkit#dnsSecondary()}, its secondary, on the
 * same host and another port, which serves a copy of the zone transferred with the same key and
 * accepts no updates.
 *
 * <p>The zone starts with its SOA, {@code NS ns1.example.test.}, {@code ns1 A} its {@link #host()} and the
 * site records, by default {@code site.example.test.} and {@code www.site.example.test.}, both
 * {@code A 127.0.0.2} with TTL 300. Zone transfers need the key. {@link #toString()} never shows
 * the secret.
 *
 * @param host the address it listens on: {@code 127.0.0.10} when that address is configured on an
 *     interface (BIND listens only on interface addresses), else {@code 127.0.0.1}
 * @param port its UDP and TCP port
 * @param zone the zone, {@code "example.test."}
 * @param tsigKeyName the TSIG key's name, {@code "sitemove-key."}
 * @param tsigAlgorithm the TSIG algorithm, {@code "hmac-sha256"}
 * @param tsigSecret the TSIG secret, base64
 * @param zoneFile the zone's master file (its journal sits next to it)
 */
public record DnsServer(String host, int port, String zone, String tsigKeyName, String tsigAlgorithm,
        String tsigSecret, Path zoneFile) {

    /**
     * Creates the record; no component may be null.
     *
     * @param host the address it listens on: {@code 127.0.0.10} when that address is configured on an
     *     interface (BIND listens only on interface addresses), else {@code 127.0.0.1}
     * @param port its UDP and TCP port
     * @param zone the zone, {@code "example.test."}
     * @param tsigKeyName the TSIG key's name, {@code "sitemove-key."}
     * @param tsigAlgorithm the TSIG algorithm, {@code "hmac-sha256"}
     * @param tsigSecret the TSIG secret, base64
     * @param zoneFile the zone's master file (its journal sits next to it)
     */
    public DnsServer {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(zone, "zone cannot be null");
        Objects.requireNonNull(tsigKeyName, "tsigKeyName cannot be null");
        Objects.requireNonNull(tsigAlgorithm, "tsigAlgorithm cannot be null");
        Objects.requireNonNull(tsigSecret, "tsigSecret cannot be null");
        Objects.requireNonNull(zoneFile, "zoneFile cannot be null");
    }

    @Override
    public String toString() {
        return "DnsServer[host=" + host + ", port=" + port + ", zone=" + zone + ", tsigKeyName=" + tsigKeyName
                + ", tsigAlgorithm=" + tsigAlgorithm + ", tsigSecret=***, zoneFile=" + zoneFile + "]";
    }
}
