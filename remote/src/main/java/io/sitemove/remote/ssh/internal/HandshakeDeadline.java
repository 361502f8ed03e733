package io.sitemove.remote.ssh.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import javax.net.SocketFactory;

/**
 * The bound on one connection's SSH handshake and login, counted from the moment its TCP connection
 * opened: a socket factory for sshj whose socket, once connected, is closed when the bound runs out,
 * which wakes every read of the handshake. {@link #done()} disarms it once the login succeeded.
 */
public final class HandshakeDeadline extends SocketFactory {
    private final Duration bound;
    private final Timer timer;
    private volatile boolean expired;

    /** A deadline of {@code bound} after the connection opens; its timer thread is a daemon. */
    public HandshakeDeadline(Duration bound, String server) {
        this.bound = bound;
        this.timer = new Timer("sitemove-ssh-handshake-" + server, true);
    }

    /** True once the bound ran out before {@link #done()}. */
    public boolean expired() {
        return expired;
    }

    /** Disarms the deadline and ends its timer. Idempotent. */
    public void done() {
        timer.cancel();
    }

    private void arm(Socket socket) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                expired = true;
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }, Math.max(1, bound.toMillis()));
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(endpoint, timeout);
                arm(this);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("binding a local address is not supported");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new IOException("binding a local address is not supported");
    }

    private Socket connected(SocketAddress endpoint) throws IOException {
        Socket socket = createSocket();
        socket.connect(endpoint);
        return socket;
    }
}
