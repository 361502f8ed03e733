package io.sitemove.verify;

import io.sitemove.spi.VerifyStage;
import io.sitemove.verify.internal.Printable;
import io.sitemove.verify.internal.http.NormalisationRule;
import io.sitemove.verify.internal.http.PageClient;
import io.sitemove.verify.internal.http.PageDigest;
import io.sitemove.verify.internal.pages.PageSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link HttpVerifier}; checks each value as it is given, and the whole in {@link #build()}.
 * Not thread-safe.
 */
public final class HttpVerifierBuilder {
    String name = "http";
    Set<VerifyStage> stages = EnumSet.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER);
    final List<Scenario> scenarios = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private PageSettings.Pin oldPin;
    private PageSettings.Pin newPin;
    private Path caFile;
    private final List<String> selectors = new ArrayList<>();
    private final List<NormalisationRule> rules = new ArrayList<>();
    private int maxRedirects = 10;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(15);
    private Duration deadline = Duration.ofSeconds(30);
    private int maxBodyBytes = 8 * 1024 * 1024;
    private int concurrency = 4;
    private PageSettings.LatencyRule latency;
    private boolean assets = true;
    private int discover;

    HttpVerifierBuilder() {
    }

    /** The name in reports; "http" unless set. */
    public HttpVerifierBuilder name(String name) {
        this.name = HttpVerifier.checkedName(name);
        return this;
    }

    /** Adds a URL to compare: http:// or https:// with a host, as visitors ask for it. */
    public HttpVerifierBuilder url(String url) {
        urls.add(parse(url));
        return this;
    }

    /** Adds each of these URLs, as {@link #url(String)}. */
    public HttpVerifierBuilder urls(String... urls) {
        for (String url : Objects.requireNonNull(urls, "urls cannot be null")) {
            url(url);
        }
        return this;
    }

    static URI parse(String url) {
        Objects.requireNonNull(url, "url cannot be null");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + Printable.excerpt(url, 200) + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + Printable.excerpt(url, 200) + "' is not an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + Printable.excerpt(url, 200) + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL for " + uri.getHost() + " carries user info; credentials do"
                    + " not belong in a URL");
        }
        return uri;
    }

    /**
     * More host names of the site (a {@code www.} alias a redirect leads to) whose requests go to the same
     * pinned servers as the URLs' own hosts, which always do; other names resolve through the system's DNS.
     */
    public HttpVerifierBuilder hosts(String... names) {
        for (String host : Objects.requireNonNull(names, "names cannot be null")) {
            Objects.requireNonNull(host, "host cannot be null");
            if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("'" + Printable.excerpt(host, 100) + "' is not a host name");
            }
            hosts.add(host);
        }
        return this;
    }

    /** Sends the old server's requests to this address on each URL's port; the source server's host unless set. */
    public HttpVerifierBuilder pinOld(String address) {
        oldPin = pin(address, 0);
        return this;
    }

    /** Sends the old server's requests to this address and port, whatever the URL's port. */
    public HttpVerifierBuilder pinOld(String address, int port) {
        oldPin = pin(address, port(port));
        return this;
    }

    /** Sends the new server's requests to this address on each URL's port; the target server's host unless set. */
    public HttpVerifierBuilder pinNew(String address) {
        newPin = pin(address, 0);
        return this;
    }

    /** Sends the new server's requests to this address and port, whatever the URL's port. */
    public HttpVerifierBuilder pinNew(String address, int port) {
        newPin = pin(address, port(port));
        return this;
    }

    private static PageSettings.Pin pin(String address, int port) {
        Objects.requireNonNull(address, "address cannot be null");
        if (!address.matches("[A-Za-z0-9.:\\-]+")) {
            throw new IllegalArgumentException("address must be an IP address or a host name, was '"
                    + Printable.excerpt(address, 100) + "'");
        }
        return new PageSettings.Pin(address, port);
    }

    private static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return port;
    }

    /**
     * Trusts the CA certificates of this PEM file besides the JDK's (staging certificates); certificates and
     * host names are still checked. A file that holds no PEM certificate is refused.
     */
    public HttpVerifierBuilder trustCa(Path pem) {
        Objects.requireNonNull(pem, "pem cannot be null");
        if (!Files.isReadable(pem)) {
            throw new IllegalArgumentException("CA file " + pem + " cannot be read");
        }
        PageClient.builder().trustCaFile(pem, true).build().close();
        caFile = pem;
        return this;
    }

    /** The stages to run at; FUNCTIONAL and CUTOVER unless set. */
    public HttpVerifierBuilder stages(VerifyStage first, VerifyStage... more) {
        Objects.requireNonNull(first, "stage cannot be null");
        EnumSet<VerifyStage> set = EnumSet.of(first);
        for (VerifyStage s : Objects.requireNonNull(more, "stages cannot be null")) {
            set.add(Objects.requireNonNull(s, "stage cannot be null"));
        }
        stages = set;
        return this;
    }

    /** Compares the texts of the elements these CSS selectors match; a bad selector is refused. */
    public HttpVerifierBuilder selectors(String... css) {
        Objects.requireNonNull(css, "css cannot be null");
        PageDigest.builder().select(css);
        selectors.addAll(List.of(css));
        return this;
    }

    /**
     * Adds a normalisation rule after the defaults (WordPress nonces, {@code ver=} cache busters, ISO and HTTP
     * dates): before the body digest, each match of {@code regex} becomes {@code replacement}.
     */
    public HttpVerifierBuilder normalise(String regex, String replacement) {
        Objects.requireNonNull(replacement, "replacement cannot be null");
        try {
            rules.add(NormalisationRule.of(regex, replacement));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bad normalisation pattern: " + e.getMessage(), e);
        }
        return this;
    }

    /** How many redirects a fetch follows; 10 unless set, 0 to follow none. */
    public HttpVerifierBuilder maxRedirects(int max) {
        if (max < 0 || max > 50) {
            throw new IllegalArgumentException("maxRedirects must be 0..50, was " + max);
        }
        maxRedirects = max;
        return this;
    }

    /** The bound on connecting and on the TLS handshake; 5 s unless set. */
    public HttpVerifierBuilder connectTimeout(Duration bound) {
        connectTimeout = positive("connectTimeout", bound);
        return this;
    }

    /** The bound on waiting for a response and between its bytes; 15 s unless set. */
    public HttpVerifierBuilder responseTimeout(Duration bound) {
        responseTimeout = positive("responseTimeout", bound);
        return this;
    }

    /** The bound on one whole fetch, redirects and body included; 30 s unless set. */
    public HttpVerifierBuilder deadline(Duration bound) {
        deadline = positive("deadline", bound);
        return this;
    }

    /** The most body bytes read per fetch; a longer body is a finding; 8 MiB unless set. */
    public HttpVerifierBuilder maxBodyBytes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + max);
        }
        maxBodyBytes = max;
        return this;
    }

    /** How many fetches each server gets at once; 4 unless set. */
    public HttpVerifierBuilder concurrency(int perServer) {
        if (perServer < 1 || perServer > 64) {
            throw new IllegalArgumentException("concurrency must be 1..64, was " + perServer);
        }
        concurrency = perServer;
        return this;
    }

    /**
     * Measures latency at FUNCTIONAL: {@code requests} GETs per URL on each server, and a finding for each URL
     * whose p95 on the new server exceeds the old server's p95 times {@code factor} plus {@code slack}.
     */
    public HttpVerifierBuilder latency(int requests, double factor, Duration slack) {
        if (requests < 1 || requests > 1000) {
            throw new IllegalArgumentException("requests must be 1..1000, was " + requests);
        }
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be at least 1.0, was " + factor);
        }
        Objects.requireNonNull(slack, "slack cannot be null");
        if (slack.isNegative()) {
            throw new IllegalArgumentException("slack cannot be negative, was " + slack);
        }
        latency = new PageSettings.LatencyRule(requests, factor, slack);
        return this;
    }

    /** Whether the same-host images, style sheets and scripts of each page are checked; on unless set. */
    public HttpVerifierBuilder assets(boolean check) {
        assets = check;
        return this;
    }

    /**
     * At FUNCTIONAL, adds up to {@code max} URLs found on the old server: the sitemaps ({@code /wp-sitemap.xml},
     * {@code /sitemap.xml}, indexes followed) and the home page's links, on the first URL's scheme, host and
     * port; 0 (none) unless set.
     */
    public HttpVerifierBuilder discover(int max) {
        if (max < 0 || max > 10_000) {
            throw new IllegalArgumentException("discover must be 0..10000, was " + max);
        }
        discover = max;
        return this;
    }

    /** Adds scripted steps run on the new server (and on the old one when a step fails, for comparison). */
    public HttpVerifierBuilder scenario(Scenario scenario) {
        scenarios.add(Objects.requireNonNull(scenario, "scenario cannot be null"));
        return this;
    }

    private static Duration positive(String what, Duration d) {
        Objects.requireNonNull(d, what + " cannot be null");
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and under 24 days, was " + d);
        }
        return d;
    }

    PageSettings settings() {
        return new PageSettings(urls, hosts, Optional.ofNullable(oldPin), Optional.ofNullable(newPin),
                Optional.ofNullable(caFile), selectors, rules, maxRedirects, connectTimeout, responseTimeout, deadline,
                maxBodyBytes, concurrency, Optional.ofNullable(latency), assets, discover);
    }

    /** Builds the verifier; ISE without a URL, or with a deadline shorter than the connect timeout. */
    public HttpVerifier build() {
        if (urls.isEmpty()) {
            throw new IllegalStateException("no URL to check: call url(...)");
        }
        if (deadline.compareTo(connectTimeout) < 0) {
            throw new IllegalStateException("deadline (" + deadline + ") is shorter than connectTimeout ("
                    + connectTimeout + "); give a whole fetch at least the time to connect");
        }
        return new HttpVerifier(this);
    }
}
