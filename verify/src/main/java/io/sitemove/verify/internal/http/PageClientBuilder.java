package io.sitemove.verify.internal.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link PageClient}; checks each value as it is given.
 *
 * <pre>{@code
 * try (PageClient client = PageClient.builder()
 *         .pin("shop.example.test", "203.0.113.7", 443)
 *         .responseTimeout(Duration.ofSeconds(10))
 *         .build()) {
 *     Page home = client.fetch(URI.create("https://shop.example.test/"));
 * }
 * }</pre>
 */
public final class PageClientBuilder {
    final Map<String, InetSocketAddress> pins = new LinkedHashMap<>();
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration responseTimeout = Duration.ofSeconds(15);
    Duration deadline = Duration.ofSeconds(30);
    int maxRedirects = 10;
    int maxBodyBytes = 8 * 1024 * 1024;
    int maxConnections = 4;
    Path caFile;
    boolean alsoJdkCas = true;
    String userAgent = "sitemove-verify";

    PageClientBuilder() {
    }

    /** Sends requests for {@code host} to {@code address} (a literal IP address) and {@code port}. */
    public PageClientBuilder pin(String host, String address, int port) {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(address, "address cannot be null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host cannot be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        pins.put(PinnedHosts.key(host), new InetSocketAddress(literal(address), port));
        return this;
    }

    /** Sends requests for {@code host} to {@code address} (a literal IP address), on each URL's own port. */
    public PageClientBuilder pin(String host, String address) {
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(address, "address cannot be null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host cannot be blank");
        }
        pins.put(PinnedHosts.key(host), new InetSocketAddress(literal(address), 0));
        return this;
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("address must be an IP address, was '" + address + "'");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be an IP address, was '" + address + "'", e);
        }
    }

    /** The bound on opening a connection, and on the TLS handshake; 5 s unless set. */
    public PageClientBuilder connectTimeout(Duration bound) {
        connectTimeout = positive(bound, "connectTimeout");
        return this;
    }

    /** The bound on waiting for the response and between bytes of it; 15 s unless set. */
    public PageClientBuilder responseTimeout(Duration bound) {
        responseTimeout = positive(bound, "responseTimeout");
        return this;
    }

    /** The bound on a whole fetch, redirects and body included; 30 s unless set. */
    public PageClientBuilder deadline(Duration bound) {
        deadline = positive(bound, "deadline");
        return this;
    }

    /** How many redirects a fetch follows; 10 unless set, 0 to follow none. */
    public PageClientBuilder maxRedirects(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxRedirects cannot be negative, was " + max);
        }
        maxRedirects = max;
        return this;
    }

    /** How many body bytes a fetch keeps; a longer body is cut and reported; 8 MiB unless set. */
    public PageClientBuilder maxBodyBytes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + max);
        }
        maxBodyBytes = max;
        return this;
    }

    /** How many connections the client opens at once, to all servers; 4 unless set. */
    public PageClientBuilder maxConnections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + max);
        }
        maxConnections = max;
        return this;
    }

    /**
     * Trusts the CA certificates of a PEM file, with the JDK's ({@code alsoJdk}) or instead of them;
     * certificates and host names are checked either way.
     */
    public PageClientBuilder trustCaFile(Path pem, boolean alsoJdk) {
        caFile = Objects.requireNonNull(pem, "pem cannot be null");
        alsoJdkCas = alsoJdk;
        return this;
    }

    /** The {@code User-Agent} sent; {@code sitemove-verify} unless set. */
    public PageClientBuilder userAgent(String agent) {
        userAgent = Objects.requireNonNull(agent, "agent cannot be null");
        return this;
    }

    /** A client with these settings; close it after the run. */
    public PageClient build() {
        if (deadline.compareTo(connectTimeout) < 0) {
            throw new IllegalStateException("deadline (" + deadline + ") is shorter than connectTimeout ("
                    + connectTimeout + "); give the whole fetch at least the time to connect");
        }
        return new PageClient(this);
    }

    private static Duration positive(Duration bound, String name) {
        Objects.requireNonNull(bound, name + " cannot be null");
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + bound);
        }
        return bound;
    }
}
