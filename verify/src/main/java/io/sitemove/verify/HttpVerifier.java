package io.sitemove.verify;

import io.sitemove.remote.PluginNames;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.HttpResponse;
import io.sitemove.verify.internal.PinnedHttpGet;
import io.sitemove.verify.internal.Printable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages from the target before DNS points there: each request goes to the pinned address
 * (by default the target server's host on the URL's port) while the Host header names the URL's
 * host, so the new server answers as it will for visitors. http:// URLs only.
 *
 * <pre>{@code
 * Verifier home = HttpVerifier.builder()
 *     .url("http://shop.example.com/")
 *     .url("http://shop.example.com/health.php")
 *     .pinTo("203.0.113.20", 80)
 *     .expectStatus(200)
 *     .expectBodyContains("<title>Shop</title>")
 *     .build();
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class HttpVerifier implements Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerifier.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final int EXCERPT = 200;
    private static final String FIX = "sync the site again or fix the target's web server configuration";

    private final String name;
    private final List<URI> urls;
    private final Optional<String> pinAddress;
    private final int pinPort;
    private final int expectedStatus;
    private final Optional<String> expectedText;
    private final Set<VerifyStage> stages;
    private final PinnedHttpGet http;

    private HttpVerifier(Builder b) {
        this.name = b.name;
        this.urls = List.copyOf(b.urls);
        this.pinAddress = Optional.ofNullable(b.pinAddress);
        this.pinPort = b.pinPort;
        this.expectedStatus = b.expectedStatus;
        this.expectedText = Optional.ofNullable(b.expectedText);
        this.stages = Set.copyOf(b.stages);
        this.http = new PinnedHttpGet(b.connectTimeout, b.readTimeout, MAX_BODY);
    }

    /** Starts a verifier; at least one {@link Builder#url(String)} is needed. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<VerifyStage> stages() {
        return stages;
    }

    /** The URLs checked, in order. */
    public List<URI> urls() {
        return urls;
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        Findings findings = new Findings();
        int failed = 0;
        for (URI url : urls) {
            InetSocketAddress pin = pin(ctx.target().host(), url);
            long before = findings.total();
            check(url, pin, findings);
            if (findings.total() > before) {
                failed++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String on = pinAddress.orElse(ctx.target().host());
        if (failed == 0) {
            return Verification.pass(name, urls.size() + " URL(s) answered " + expectedStatus
                    + expectedText.map(t -> " with the expected text").orElse("") + " on " + on, took);
        }
        return Verification.of(name, failed + " of " + urls.size() + " URL(s) did not answer as expected on " + on,
                findings.list(), took);
    }

    private void check(URI url, InetSocketAddress pin, Findings findings) {
        String subject = url.toString();
        HttpResponse response;
        try {
            response = http.get(url, pin);
        } catch (IOException e) {
            LOG.debug("GET {} via {} failed", url, show(pin), e);
            findings.add(Finding.blocking("answer", subject, "status " + expectedStatus, "no answer via " + show(pin) + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "check that the web server on "
                    + show(pin) + " is running and serves this host"));
            return;
        }
        String body = response.bodyText();
        if (response.status() != expectedStatus) {
            findings.add(Finding.blocking("status", subject, "status " + expectedStatus, "status " + response.status()
                    + " via " + show(pin) + ", body: '" + Printable.excerpt(body, EXCERPT) + "'", FIX));
        } else if (expectedText.isPresent() && !body.contains(expectedText.get())) {
            findings.add(Finding.blocking("text", subject, "a body containing '" + Printable.of(expectedText.get()) + "'",
                    "status " + response.status() + " via " + show(pin) + ", body: '" + Printable.excerpt(body, EXCERPT)
                    + "'", FIX));
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        Set<InetSocketAddress> pins = new LinkedHashSet<>();
        for (URI url : urls) {
            pins.add(pin(ctx.target().host(), url));
        }
        List<CheckResult> results = new ArrayList<>();
        for (InetSocketAddress pin : pins) {
            String check = "HTTP reachable on " + show(pin);
            try {
                http.connect(pin);
                results.add(CheckResult.pass(name, check, "TCP connection opened"));
            } catch (IOException e) {
                results.add(CheckResult.fail(name, check, e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "; start the web server on the target or fix the pinned address"));
            }
        }
        return results;
    }

    private InetSocketAddress pin(String targetHost, URI url) {
        String host = pinAddress.orElse(targetHost);
        int port = pinAddress.isPresent() ? pinPort : (url.getPort() < 0 ? 80 : url.getPort());
        return new InetSocketAddress(host, port);
    }

    private static String show(InetSocketAddress pin) {
        return pin.getHostString() + ":" + pin.getPort();
    }

    @Override
    public String toString() {
        return name + " " + urls;
    }

    /** Builds an {@link HttpVerifier}; validates each value as it is set. Not thread-safe. */
    public static final class Builder {
        private String name = "http";
        private final List<URI> urls = new ArrayList<>();
        private String pinAddress;
        private int pinPort;
        private int expectedStatus = 200;
        private String expectedText;
        private Set<VerifyStage> stages = EnumSet.allOf(VerifyStage.class);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(15);

        private Builder() {
        }

        /** The name in reports; "http" by default. */
        public Builder name(String name) {
            this.name = PluginNames.check(name);
            return this;
        }

        /** Adds a URL to check: http:// with a host. */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url cannot be null");
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + Printable.excerpt(url, 200) + "' is not a URL: " + e.getReason(), e);
            }
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
                throw new IllegalArgumentException("'" + uri + "' is not an http:// URL; only http:// can be pinned");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + uri + "' has no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("'" + uri.getHost() + "' URL carries user info; credentials do not belong in a URL");
            }
            urls.add(uri);
            return this;
        }

        /** Connects to this address and port instead of the target server's host on the URL's port. */
        public Builder pinTo(String address, int port) {
            Objects.requireNonNull(address, "address cannot be null");
            if (address.isBlank()) {
                throw new IllegalArgumentException("address cannot be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1..65535");
            }
            this.pinAddress = address;
            this.pinPort = port;
            return this;
        }

        /** The status every URL must answer with; 200 by default. */
        public Builder expectStatus(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status " + status + " is outside 100..599");
            }
            this.expectedStatus = status;
            return this;
        }

        /** Text every body must contain (compared against the body read as UTF-8). */
        public Builder expectBodyContains(String text) {
            Objects.requireNonNull(text, "text cannot be null");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("expected body text cannot be empty");
            }
            this.expectedText = text;
            return this;
        }

        /** The stages to run at; FUNCTIONAL, CUTOVER and WATCH by default. */
        public Builder stages(VerifyStage first, VerifyStage... more) {
            Objects.requireNonNull(first, "stage cannot be null");
            EnumSet<VerifyStage> set = EnumSet.of(first);
            for (VerifyStage s : Objects.requireNonNull(more, "stages cannot be null")) {
                set.add(Objects.requireNonNull(s, "stage cannot be null"));
            }
            this.stages = set;
            return this;
        }

        /** How long to wait for the connection; 5 seconds by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** How long to wait for each read; 15 seconds by default. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        private static Duration positive(String what, Duration d) {
            Objects.requireNonNull(d, what + " cannot be null");
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " " + d + " must be positive and under 24 days");
            }
            return d;
        }

        /** Builds the verifier; ISE without a URL. */
        public HttpVerifier build() {
            if (urls.isEmpty()) {
                throw new IllegalStateException("no URL to check: call url(...)");
            }
            return new HttpVerifier(this);
        }
    }
}
