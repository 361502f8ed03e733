package io.sitemove.verify.internal.pages;

import io.sitemove.verify.internal.http.NormalisationRule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page check does, as the verifier's builder set it.
 *
 * @param urls the URLs given, in order
 * @param hosts more host names pinned like the URLs' hosts
 * @param oldPin where the old server's requests go, else the source server's host on each URL's port
 * @param newPin where the new server's requests go, else the target server's host on each URL's port
 * @param caFile a PEM file of CAs trusted besides the JDK's
 * @param selectors CSS selectors whose texts are compared
 * @param rules normalisation rules added after the defaults
 * @param maxRedirects redirects followed per fetch
 * @param connectTimeout the bound on connecting and the TLS handshake
 * @param responseTimeout the bound on waiting for a response and between its bytes
 * @param deadline the bound on one whole fetch
 * @param maxBodyBytes the most body bytes kept per fetch
 * @param concurrency fetches at once per server
 * @param latency the latency rule, if latency is measured
 * @param assets whether the same-host images, style sheets and scripts of each page are checked
 * @param discover how many URLs discovery may add; 0 for none
 */
public record PageSettings(List<URI> urls, List<String> hosts, Optional<Pin> oldPin, Optional<Pin> newPin, Optional<Path> caFile,
        List<String> selectors, List<NormalisationRule> rules, int maxRedirects, Duration connectTimeout,
        Duration responseTimeout, Duration deadline, int maxBodyBytes, int concurrency, Optional<LatencyRule> latency,
        boolean assets, int discover) {

    /** Copies the lists. */
    public PageSettings {
        urls = List.copyOf(urls);
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(oldPin, "oldPin cannot be null");
        Objects.requireNonNull(newPin, "newPin cannot be null");
        Objects.requireNonNull(caFile, "caFile cannot be null");
        selectors = List.copyOf(selectors);
        rules = List.copyOf(rules);
        Objects.requireNonNull(latency, "latency cannot be null");
    }

    /**
     * A server's address for the site's host names.
     *
     * @param address a literal IP address or a host name, resolved once per run
     * @param port the port, or 0 for each URL's own port
     */
    public record Pin(String address, int port) {
        /** Checks the address. */
        public Pin {
            Objects.requireNonNull(address, "address cannot be null");
        }
    }

    /**
     * When the new server is too slow: its p95 above the old one's times {@code factor} plus {@code slack}.
     *
     * @param requests requests per URL and server
     * @param factor how many times the old p95 the new may take
     * @param slack what the new may take on top
     */
    public record LatencyRule(int requests, double factor, Duration slack) {
        /** Checks the slack. */
        public LatencyRule {
            Objects.requireNonNull(slack, "slack cannot be null");
        }

        /** The most the new p95 may be, given the old p95. */
        public Duration allowed(Duration oldP95) {
            return Duration.ofNanos((long) (oldP95.toNanos() * factor)).plus(slack);
        }
    }
}
