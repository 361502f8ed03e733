package io.sitemove.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks free ports by binding the exact addresses, and probes whether a server accepts connections. */
final class Ports {

    private static final Logger LOG = LoggerFactory.getLogger(Ports.class);
    private static final int ATTEMPTS = 3;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A TCP port free on every host given, and on UDP too when asked, not handed out before in this JVM. */
    static int free(List<String> hosts, boolean udp) {
        for (int tries = 0; tries < 100; tries++) {
            int port = kernelChosenPort(hosts.get(0));
            if (hosts.stream().allMatch(host -> isFree(host, port, udp)) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new TestkitException("no free port found on " + hosts);
    }

    static boolean isFree(String host, int port, boolean udp) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address(host), port));
        } catch (IOException e) {
            return false;
        }
        if (udp) {
            try {
                new DatagramSocket(new InetSocketAddress(address(host), port)).close();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address(host), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the server on host:port greets with an SSH version banner. */
    static boolean greetsWithSsh(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address(host), port), 500);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = new byte[8];
            int read = 0;
            while (read < banner.length) {
                int n = in.read(banner, read, banner.length - read);
                if (n < 0) {
                    return false;
                }
                read += n;
            }
            return new String(banner, StandardCharsets.US_ASCII).startsWith("SSH-2.0-");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a start attempt on a fresh port, again when the port turned out to be taken. */
    static <T> T withRetries(String what, IntSupplier ports, IntFunction<T> attempt) {
        for (int i = 1; ; i++) {
            int port = ports.getAsInt();
            try {
                return attempt.apply(port);
            } catch (PortInUseException e) {
                if (i >= ATTEMPTS) {
                    throw e;
                }
                LOG.info("{}: port {} was taken meanwhile; trying another", what, port);
            }
        }
    }

    static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new TestkitException("not an address: " + host, e);
        }
    }

    private static int kernelChosenPort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TestkitException("cannot bind " + host + ": " + e.getMessage(), e);
        }
    }
}
