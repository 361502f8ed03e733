package io.sitemove.verify.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches pages the way visitors get them, from the server a host name is pinned to: Apache HttpClient 5
 * with its own resolver, so URL, {@code Host} header, TLS SNI and certificate checks keep the site's name.
 * Every wait is bounded; failures come back as {@link FetchFailure}s on the {@link Page}, never thrown.
 * One client per verifier run, closed after; it is thread-safe, and its pool caps concurrent connections.
 * Built with {@link #builder()}.
 */
public final class PageClient implements AutoCloseable {
    private final PinnedHosts pins;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final Failures.Bounds bounds;
    private final int maxBodyBytes;

    PageClient(PageClientBuilder b) {
        pins = new PinnedHosts(b.pins);
        bounds = new Failures.Bounds(b.connectTimeout, b.responseTimeout, b.deadline, b.maxRedirects);
        maxBodyBytes = b.maxBodyBytes;
        client = httpClient(b, pins);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitemove-page-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder with the defaults its methods name. */
    public static PageClientBuilder builder() {
        return new PageClientBuilder();
    }

    private static CloseableHttpClient httpClient(PageClientBuilder b, PinnedHosts pins) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(pins)
                .setMaxConnTotal(b.maxConnections)
                .setMaxConnPerRoute(b.maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(b.connectTimeout))
                        .setSocketTimeout(Timeout.of(b.responseTimeout)).build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(b.connectTimeout)).build());
        if (b.caFile != null) {
            pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(TrustedCas.context(b.caFile, b.alsoJdkCas)).buildClassic());
        }
        return HttpClients.custom()
                .setConnectionManager(pool.build())
                .setRedirectStrategy(new ChainRecorder())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(true)
                        .setMaxRedirects(b.maxRedirects)
                        .setCircularRedirectsAllowed(false)
                        .setResponseTimeout(Timeout.of(b.responseTimeout))
                        .setConnectionRequestTimeout(Timeout.of(b.deadline)).build())
                .setUserAgent(b.userAgent)
                .disableAutomaticRetries()
                .build();
    }

    /** GETs {@code uri}, following redirects up to the bound; never throws for what the server does. */
    public Page fetch(URI uri) {
        Objects.requireNonNull(uri, "uri cannot be null");
        return send(PageRequest.get(uri), new BasicCookieStore());
    }

    /**
     * Sends {@code request} with the cookies of {@code jar}, keeping in it those the responses set (so steps
     * of a login share a session), following redirects up to the bound; never throws for what the server does.
     */
    public Page send(PageRequest request, CookieStore jar) {
        Objects.requireNonNull(request, "request cannot be null");
        Objects.requireNonNull(jar, "jar cannot be null");
        URI uri = request.uri();
        HttpUriRequestBase message = request.toMessage();
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(jar);
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        long start = System.nanoTime();
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            deadlinePassed.set(true);
            message.cancel();
        }, bounds.deadline().toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, message, context);
            return read(uri, message, response, context, start);
        } catch (IOException | RuntimeException e) {
            IOException io = e instanceof IOException x ? x : new IOException(e.getMessage(), e);
            FetchFailure failure = Failures.of(io, request.method(), uri, serverOf(uri), bounds, deadlinePassed.get());
            return new Page(uri, 0, ChainRecorder.hopsOf(context), "", "", List.of(), new byte[0], false,
                    since(start), Optional.of(failure));
        } finally {
            alarm.cancel(false);
            closeQuietly(response);
        }
    }

    private Page read(URI uri, HttpUriRequestBase get, ClassicHttpResponse response, HttpClientContext context, long start)
            throws IOException {
        byte[] body = new byte[0];
        boolean cut = false;
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            InputStream in = entity.getContent();
            body = in.readNBytes(maxBodyBytes);
            cut = in.read() != -1;
            if (cut) {
                get.cancel();
            }
        }
        Optional<FetchFailure> failure = cut
                ? Optional.of(Failures.bodyTooLarge(uri, serverOf(uri), maxBodyBytes)) : Optional.empty();
        return new Page(uri, response.getCode(), ChainRecorder.hopsOf(context), header(response, "Content-Type"),
                header(response, "Cache-Control"), cookieNames(response), body, cut, since(start), failure);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            if (response != null) {
                response.close();
            }
        } catch (IOException e) {
            // the page is read; a connection discarded after a cut body closes with an error of no interest
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null ? "" : h.getValue();
    }

    private static List<String> cookieNames(ClassicHttpResponse response) {
        List<String> names = new ArrayList<>();
        for (Header h : response.getHeaders("Set-Cookie")) {
            String value = h.getValue() == null ? "" : h.getValue();
            int eq = value.indexOf('=');
            names.add((eq < 0 ? value : value.substring(0, eq)).trim());
        }
        return names;
    }

    /** The server a URL's host goes to, as failures name it: the pinned address and port, or DNS. */
    String serverOf(URI uri) {
        InetSocketAddress pin = uri.getHost() == null ? null : pins.pinOf(uri.getHost());
        if (pin == null) {
            return uri.getHost() + " (system DNS)";
        }
        int port = pin.getPort() != 0 ? pin.getPort() : uri.getPort() > 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return pin.getAddress().getHostAddress() + ":" + port;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Closes the connections and the deadline timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
