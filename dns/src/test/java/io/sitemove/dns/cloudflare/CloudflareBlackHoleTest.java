package io.sitemove.dns.cloudflare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.testkit.FaultTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare's API behind an HTTP endpoint that accepts connections and never answers, or answers the
 * headers and stops in the middle of the body: each call fails within the timeout with a transient
 * {@link DnsTimeoutException} that names the API's address and the wait, never the token. Each test
 * measures the time itself and checks, on the endpoint's side, that the call reached it.
 */
@FaultTest
class CloudflareBlackHoleTest {
    private static final String TOKEN = "cf-black-hole-test-token";
    private static final Duration SLACK = Duration.ofSeconds(3);

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket listener;

    @AfterEach
    void closeTheEndpoint() throws IOException {
        listener.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void anEndpointThatNeverAnswersFailsWithinTheTimeout() {
        listen(null);

        DnsTimeoutException e = timesOut(Duration.ofSeconds(2));

        assertTrue(e.getMessage().contains("gave no answer within 2 s (the timeout of one call"), e.getMessage());
    }

    @Test
    void anEndpointThatStopsInTheMiddleOfItsBodyFailsWithinTheTimeout() {
        listen("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"success\":");

        DnsTimeoutException e = timesOut(Duration.ofSeconds(2));

        assertTrue(e.getMessage().contains("gave no answer within 2 s (the timeout of one call"), e.getMessage());
    }

    private DnsTimeoutException timesOut(Duration timeout) {
        CloudflareSwitcher switcher = CloudflareSwitcher.builder().apiToken(Secret.of(TOKEN)).zone("example.com.")
                .baseUrl(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/client/v4"))
                .timeout(timeout).build();
        long start = System.nanoTime();

        DnsTimeoutException e = assertThrows(DnsTimeoutException.class, () -> switcher.read(CloudflareFake.SITE_AND_WWW));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(timeout.minusMillis(50)) >= 0, "waited " + took);
        assertTrue(took.compareTo(timeout.plus(SLACK)) < 0, "took " + took + " for a timeout of " + timeout);
        assertTrue(e.isTransient(), "transient for the engine's retry");
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + listener.getLocalPort() + "/client/v4"),
                e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertTrue(accepted.get() >= 1, "the call reached the endpoint");
        return e;
    }

    /** Accepts connections; on each, writes {@code partial} (when not null) and then nothing more. */
    private void listen(String partial) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    held.add(s);
                    accepted.incrementAndGet();
                    if (partial != null) {
                        s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "black-hole-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
