package io.sitemove.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real server, passing bytes both ways for every connection it
 * accepts; a subclass decides, after each piece a client sent, whether its connection goes on.
 */
abstract class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final String name;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TcpProxy(String host, int port, String name) throws IOException {
        this.host = host;
        this.port = port;
        this.name = name;
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    }

    /** Starts accepting; the subclass's constructor calls it last. */
    final void start() {
        Thread acceptor = new Thread(this::accept, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public final int port() {
        return listener.getLocalPort();
    }

    /**
     * Told, after a piece a client sent was passed on, how many bytes its connection has carried from
     * the client so far and how many this piece held; returns false to cut the connection.
     */
    abstract boolean passed(long carried, int piece) throws InterruptedException;

    /**
     * Accepts until the listener is closed. A connection that fails (the server refuses it, or the client
     * left before its streams were taken) is closed alone; it never ends the loop, or every later client
     * would sit in the listener's backlog unanswered.
     */
    private void accept() {
        while (!listener.isClosed()) {
            try {
                relay(listener.accept());
            } catch (IOException e) {
                // the listener was closed, or one connection failed: the loop condition decides
            }
        }
    }

    /** Connects the client to the server and starts both pumps, once both sockets' streams are in hand. */
    private void relay(Socket client) throws IOException {
        sockets.add(client);
        Socket server = null;
        try {
            server = new Socket(host, port);
            sockets.add(server);
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = server.getInputStream();
            OutputStream toServer = server.getOutputStream();
            List<Socket> pair = List.of(client, server);
            pump(fromClient, toServer, pair, true);
            pump(fromServer, toClient, pair, false);
        } catch (IOException e) {
            close(server == null ? List.of(client) : List.of(client, server));
            throw e;
        }
    }

    private void pump(InputStream in, OutputStream out, List<Socket> pair, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            long carried = 0;
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    carried += n;
                    if (fromClient && !passed(carried, n)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // one side went away: so does the other
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close(pair);
        }, name + "-pump");
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
