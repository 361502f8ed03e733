package io.sitemove.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay keeps serving after a client that connects and leaves at once (as the direct route's reachability
 * probe does, with {@code nc -z} or bash's {@code /dev/tcp}) and after a connection the server refused: the
 * next client still gets the server's greeting.
 */
class TcpProxyTest {
    private static final String GREETING = "SSH-2.0-test";

    private ServerSocket upstream;
    private Thread greeter;

    @BeforeEach
    void startAServerThatGreetsEveryConnection() throws IOException {
        greet(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    }

    @AfterEach
    void stopTheServer() throws Exception {
        upstream.close();
        greeter.join(5_000);
    }

    @Test
    void clientsThatLeaveAtOnceDoNotStopTheRelayFromAcceptingTheNextOne() throws Exception {
        try (PausingProxy proxy = new PausingProxy("127.0.0.1", upstream.getLocalPort(), Long.MAX_VALUE)) {
            for (int i = 1; i <= 300; i++) {
                new Socket("127.0.0.1", proxy.port()).close();

                assertEquals(GREETING, greeting(proxy.port()), "the greeting after " + i + " clients that left at once");
            }
        }
    }

    @Test
    void aConnectionTheServerRefusedIsClosedAndTheNextOneIsRelayed() throws Exception {
        int port = upstream.getLocalPort();
        try (PausingProxy proxy = new PausingProxy("127.0.0.1", port, Long.MAX_VALUE)) {
            stopTheServer();

            try (Socket refused = new Socket("127.0.0.1", proxy.port())) {
                refused.setSoTimeout(5_000);
                assertEquals(-1, refused.getInputStream().read(), "the relay closes a client it cannot connect on");
            }
            greet(new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1")));

            assertEquals(GREETING, greeting(proxy.port()));
        }
    }

    private void greet(ServerSocket socket) {
        upstream = socket;
        greeter = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept(); OutputStream out = s.getOutputStream()) {
                    out.write((GREETING + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed, or the client left first
                }
            }
        }, "greeter");
        greeter.setDaemon(true);
        greeter.start();
    }

    private static String greeting(int port) throws IOException {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
