package io.sitemove.verify.internal.pages;

import io.sitemove.verify.internal.http.Page;
import io.sitemove.verify.internal.http.PageClient;
import io.sitemove.verify.internal.http.PageClientBuilder;
import io.sitemove.verify.internal.http.PageRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.cookie.CookieStore;

/**
 * One server as the page check sees it: a client with the site's host names pinned to it, and a pool of
 * threads that bounds how many fetches it gets at once. Close after the run.
 */
public final class Side implements AutoCloseable {
    private final String label;
    private final String address;
    private final PageClient client;
    private final ExecutorService pool;
    private final Set<String> hosts;

    private Side(String label, String address, PageClient client, int concurrency, Set<String> hosts) {
        this.label = label;
        this.address = address;
        this.client = client;
        this.hosts = Set.copyOf(hosts);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "sitemove-pages-" + label + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A side whose requests for the hosts of {@code urls} go to {@code pin}'s address, or to
     * {@code serverHost} on each URL's port when there is no pin.
     *
     * @throws UnknownHostException when the address is a name that does not resolve
     */
    public static Side open(String label, PageSettings s, PageSettings.Pin pin, Collection<URI> urls)
            throws UnknownHostException {
        String ip = InetAddress.getByName(pin.address()).getHostAddress();
        PageClientBuilder b = PageClient.builder().connectTimeout(s.connectTimeout())
                .responseTimeout(s.responseTimeout()).deadline(s.deadline()).maxRedirects(s.maxRedirects())
                .maxBodyBytes(s.maxBodyBytes()).maxConnections(s.concurrency());
        s.caFile().ifPresent(ca -> b.trustCaFile(ca, true));
        Set<String> hosts = new LinkedHashSet<>();
        for (URI url : urls) {
            hosts.add(url.getHost().toLowerCase(Locale.ROOT));
        }
        s.hosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        for (String host : hosts) {
            if (pin.port() == 0) {
                b.pin(host, ip);
            } else {
                b.pin(host, ip, pin.port());
            }
        }
        return new Side(label, ip + (pin.port() == 0 ? "" : ":" + pin.port()), b.build(), s.concurrency(), hosts);
    }

    /** "old" or "new". */
    public String label() {
        return label;
    }

    /** The address requests go to, as findings name it: {@code old server 127.0.0.2}. */
    public String named() {
        return label + " server " + address;
    }

    /** Whether requests for {@code host} go to this server rather than through the system's DNS. */
    public boolean pins(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** GETs {@code url} now, on the calling thread. */
    public Page fetch(URI url) {
        return client.fetch(url);
    }

    /** Sends {@code request} now, on the calling thread, with the cookies of {@code jar}. */
    public Page send(PageRequest request, CookieStore jar) {
        return client.send(request, jar);
    }

    /** GETs {@code url} on this side's pool. */
    public CompletableFuture<Page> fetchLater(URI url) {
        return CompletableFuture.supplyAsync(() -> client.fetch(url), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        client.close();
    }
}
