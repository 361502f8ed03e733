package io.sitemove.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of a real server that cuts every connection once the client has
 * sent a given number of bytes through it: a network failure in the middle of a transfer, for real.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final long cutAfter;
    private final AtomicLong upstream = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    CuttingProxy(String host, int port, long cutAfterClientBytes) throws IOException {
        this.host = host;
        this.port = port;
        this.cutAfter = cutAfterClientBytes;
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether a connection was cut. */
    boolean cut() {
        return cut;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                List<Socket> pair = List.of(client, server);
                sockets.addAll(pair);
                pump(client.getInputStream(), server.getOutputStream(), pair, true);
                pump(server.getInputStream(), client.getOutputStream(), pair, false);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(InputStream in, OutputStream out, List<Socket> pair, boolean counted) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (counted && upstream.addAndGet(n) >= cutAfter) {
                        cut = true;
                        break;
                    }
                }
            } catch (IOException e) {
                // one side went away: so does the other
            }
            close(pair);
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(List<Socket> toClose) {
        for (Socket s : toClose) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        close(sockets);
    }
}
