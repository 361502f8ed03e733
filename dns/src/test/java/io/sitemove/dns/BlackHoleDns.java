package io.sitemove.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A name server that never answers, on one loopback port: TCP connections are accepted and held open,
 * UDP queries are received and dropped. It counts the TCP connections and UDP queries it received, so a
 * test can tell, on the server's side, that it was asked.
 */
final class BlackHoleDns implements AutoCloseable {
    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger datagrams = new AtomicInteger();

    BlackHoleDns() {
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            this.tcp = new ServerSocket(0, 50, loopback);
            this.udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "black-hole-dns-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
        Thread receiver = new Thread(this::receive, "black-hole-dns-udp");
        receiver.setDaemon(true);
        receiver.start();
    }

    int port() {
        return tcp.getLocalPort();
    }

    String host() {
        return "127.0.0.1";
    }

    InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }

    /** "127.0.0.1:port", as messages name it. */
    String label() {
        return host() + ":" + port();
    }

    /** How many TCP connections it accepted (and never answered). */
    int acceptedConnections() {
        return accepted.get();
    }

    /** How many UDP queries it received (and dropped). */
    int udpQueries() {
        return datagrams.get();
    }

    private void receive() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                udp.receive(new DatagramPacket(buffer, buffer.length));
                datagrams.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void accept() {
        while (!tcp.isClosed()) {
            try {
                held.add(tcp.accept());
                accepted.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
