package io.sitemove.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback in front of a real name server that passes every answer on late: each chunk
 * the server sends is written to the client {@code delayMillis} after it arrived, in order. A server
 * that answers, slowly: each answer within the switcher's timeout, many of them past its operation's
 * deadline.
 */
final class SlowTcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long delayMillis;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SlowTcpProxy(String targetHost, int targetPort, long delayMillis) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayMillis = delayMillis;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "slow-proxy-accept");
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> copy(client, server, false), "slow-proxy-up");
                daemon(() -> copy(server, client, true), "slow-proxy-down");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void copy(Socket from, Socket to, boolean slow) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                if (slow) {
                    later.schedule(() -> write(out, chunk), delayMillis, TimeUnit.MILLISECONDS);
                } else {
                    write(out, chunk);
                }
            }
        } catch (IOException closed) {
            return;
        }
    }

    private static void write(OutputStream out, byte[] chunk) {
        try {
            out.write(chunk);
            out.flush();
        } catch (IOException closed) {
            return;
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        later.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
