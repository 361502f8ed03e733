package io.sitemove.verify.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTP/1.1 GET sent to a chosen address while naming the URL's host in the Host header:
 * how a site is checked on its new server before DNS points there. http:// only.
 */
public final class PinnedHttpGet {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxBody;

    public PinnedHttpGet(Duration connectTimeout, Duration readTimeout, int maxBody) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBody = maxBody;
    }

    /** Fetches {@code url} from {@code pin}; IOException when the connection or the response fails. */
    public HttpResponse get(URI url, InetSocketAddress pin) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(pin, (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request(url).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new HttpResponseReader(new BufferedInputStream(socket.getInputStream()), maxBody).read();
        }
    }

    /** Whether a TCP connection to {@code pin} opens; IOException says why not. */
    public void connect(InetSocketAddress pin) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(pin, (int) connectTimeout.toMillis());
        }
    }

    /** The request head for {@code url}. */
    static String request(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String host = url.getPort() < 0 || url.getPort() == 80 ? url.getHost() : url.getHost() + ":" + url.getPort();
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: sitemove-verify\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }
}
