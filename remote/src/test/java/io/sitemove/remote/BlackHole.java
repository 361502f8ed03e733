package io.sitemove.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that accepts every connection and never writes a byte (or only a fixed
 * greeting, then nothing): the peer that hangs, for tests of bounded waits. What clients send is left unread. Closing it closes every
 * connection it accepted.
 */
public final class BlackHole implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final byte[] greeting;

    /** Listens on a free port of 127.0.0.1 and starts accepting; writes nothing at all. */
    public BlackHole() throws IOException {
        this(new byte[0]);
    }

    /** Like {@link #BlackHole()}, but writes {@code greeting} on each connection first (an SSH banner, say). */
    public BlackHole(byte[] greeting) throws IOException {
        this.greeting = greeting.clone();
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "black-hole-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections it accepted so far. */
    public int accepted() {
        return accepted.size();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.add(socket);
                socket.getOutputStream().write(greeting);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // closed: the loop condition ends it
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
