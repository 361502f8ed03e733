package io.sitemove.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 in front of a real server that stops passing on what a client sends once that
 * one connection has carried a given number of bytes, until {@link #release()}: a transfer stalled at a
 * known point midway, so a test can interrupt it there. Other connections pass freely.
 */
final class PausingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final long holdAfter;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    PausingProxy(String host, int port, long holdAfterClientBytes) throws IOException {
        this.host = host;
        this.port = port;
        this.holdAfter = holdAfterClientBytes;
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "pausing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits until a connection has carried the given bytes and is held; false when the wait timed out. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held connection go on. */
    void release() {
        released.countDown();
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

    private void pump(InputStream in, OutputStream out, List<Socket> pair, boolean holding) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            long carried = 0;
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    carried += n;
                    if (holding && carried >= holdAfter && released.getCount() > 0) {
                        held.countDown();
                        released.await();
                    }
                }
            } catch (IOException e) {
                // one side went away: so does the other
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close(pair);
        }, "pausing-proxy-pump");
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
        release();
        listener.close();
        close(sockets);
    }
}
