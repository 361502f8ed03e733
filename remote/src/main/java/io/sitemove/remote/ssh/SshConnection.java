package io.sitemove.remote.ssh;

import io.sitemove.remote.ssh.internal.CheckingKnownHosts;
import io.sitemove.remote.ssh.internal.FastCiphersFirst;
import io.sitemove.remote.ssh.internal.HandshakeDeadline;
import io.sitemove.remote.ssh.internal.ThreadDeathGuard;

import io.sitemove.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection to a {@link Server}, on which remote commands run. The host key is
 * always checked against the server's known_hosts file; an unknown or changed key stops the
 * connection before anything runs. Thread-safe: several commands may run at once, each on its own channel.
 *
 * <p>Every wait is bounded by the server's settings: the TCP connect by {@link Server#connectTimeout()}, the
 * banner, key exchange and login together by {@link Server#handshakeTimeout()} (also the bound on opening a
 * channel), and silence on the open connection by {@link Server#readIdleTimeout()}: keep-alives run at least
 * every 15 s, so a command that writes nothing for a long time keeps its connection, while a peer that stops
 * answering fails every command on the connection once that bound runs out. A wait that runs out is a
 * transient {@link SshConnectException} whose message names the server and the wait.
 *
 * <pre>{@code
 * try (SshConnection ssh = SshConnection.open(server)) {
 *     String free = ssh.exec(List.of("df", "-Pk", "/var/www")).requireSuccess("read free disk").stdoutText();
 * }
 * }</pre>
 */
public final class SshConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final int MAX_KEEPALIVE_SECONDS = 15;

    private final Server server;
    private final SSHClient client;
    private final String hostKeyLine;

    private SshConnection(Server server, SSHClient client, String hostKeyLine) {
        this.server = server;
        this.client = client;
        this.hostKeyLine = hostKeyLine;
    }

    /**
     * Connects and logs in.
     *
     * @throws HostKeyException when the host is missing from known_hosts or offers a different key
     * @throws SshAuthException when the login is refused
     * @throws SshConnectException when the server cannot be reached (transient)
     */
    public static SshConnection open(Server server) {
        Objects.requireNonNull(server, "server cannot be null");
        return ThreadDeathGuard.run(server, () -> connectAndLogIn(server));
    }

    private static SshConnection connectAndLogIn(Server server) {
        CheckingKnownHosts knownHosts = loadKnownHosts(server);
        DefaultConfig config = new DefaultConfig();
        config.setCipherFactories(FastCiphersFirst.order(config.getCipherFactories()));
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        ThreadDeathGuard.watch(client.getTransport());
        client.addHostKeyVerifier(knownHosts);
        HandshakeDeadline deadline = bound(server, client);
        try {
            connect(server, client, knownHosts, deadline);
            authenticate(server, client, deadline);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        } finally {
            deadline.done();
        }
        LOG.debug("connected to {}", server);
        return new SshConnection(server, client, CheckingKnownHosts.publicKeyLine(knownHosts.verified()));
    }

    private static HandshakeDeadline bound(Server server, SSHClient client) {
        HandshakeDeadline deadline = new HandshakeDeadline(server.handshakeTimeout(), server.name());
        client.setSocketFactory(deadline);
        client.setConnectTimeout(millis(server.connectTimeout().toMillis()));
        client.setTimeout(millis(server.readIdleTimeout().toMillis()));
        client.getTransport().setTimeoutMs(millis(server.handshakeTimeout().toMillis()));
        long idleSeconds = Math.max(1, server.readIdleTimeout().toSeconds());
        int interval = (int) Math.max(1, Math.min(MAX_KEEPALIVE_SECONDS, idleSeconds / 3));
        KeepAlive keepAlive = client.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval(interval);
        if (keepAlive instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount((int) Math.max(1, Math.min(Integer.MAX_VALUE, idleSeconds / interval)));
        }
        return deadline;
    }

    private static int millis(long ms) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    private static CheckingKnownHosts loadKnownHosts(Server server) {
        try {
            return new CheckingKnownHosts(server.knownHosts().toFile());
        } catch (IOException e) {
            throw HostKeyException.knownHostsUnreadable(server, e);
        }
    }

    private static void connect(Server server, SSHClient client, CheckingKnownHosts knownHosts,
            HandshakeDeadline deadline) {
        try {
            client.connect(server.host(), server.port());
        } catch (TransportException e) {
            if (knownHosts.refusal() != null) {
                throw HostKeyException.refused(server, knownHosts.refusal(), CheckingKnownHosts.keyType(knownHosts.offered()),
                        CheckingKnownHosts.fingerprint(knownHosts.offered()), e);
            }
            throw handshakeFailure(server, client, deadline, e);
        } catch (UnknownHostException e) {
            throw SshConnectException.unknownHost(server, e);
        } catch (SocketTimeoutException e) {
            throw client.getSocket() != null && client.getSocket().isConnected()
                    ? handshakeFailure(server, client, deadline, e) : SshConnectException.connectTimedOut(server, e);
        } catch (IOException e) {
            if (client.getSocket() != null && client.getSocket().isConnected()) {
                throw handshakeFailure(server, client, deadline, e);
            }
            throw SshConnectException.unreachable(server, e);
        }
    }

    private static SshConnectException handshakeFailure(Server server, SSHClient client, HandshakeDeadline deadline,
            IOException e) {
        if (!deadline.expired() && !timedOut(e)) {
            return SshConnectException.handshakeFailed(server, e);
        }
        return SshConnectException.handshakeTimedOut(server, bannerReceived(client)
                ? SshConnectException.HandshakeStage.KEY_EXCHANGE : SshConnectException.HandshakeStage.BANNER, e);
    }

    private static boolean bannerReceived(SSHClient client) {
        try {
            String version = client.getTransport().getServerVersion();
            return version != null && !version.isEmpty();
        } catch (RuntimeException e) {
            return false; // sshj cuts the banner's prefix off without checking there is one
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException || c instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void authenticate(Server server, SSHClient client, HandshakeDeadline deadline) {
        String keyName = server.identity().map(Path::toString).orElse("the default keys in ~/.ssh");
        try {
            if (server.identity().isPresent()) {
                Path key = server.identity().get();
                if (!Files.isReadable(key)) {
                    throw SshAuthException.keyMissing(server, key);
                }
                KeyProvider keys = client.loadKeys(key.toString());
                client.authPublickey(server.user(), keys);
            } else {
                client.authPublickey(server.user());
            }
        } catch (UserAuthException e) {
            if (deadline.expired() || timedOut(e)) {
                throw SshConnectException.handshakeTimedOut(server, SshConnectException.HandshakeStage.LOGIN, e);
            }
            throw SshAuthException.refused(server, keyName, e);
        } catch (TransportException e) {
            if (deadline.expired() || timedOut(e)) {
                throw SshConnectException.handshakeTimedOut(server, SshConnectException.HandshakeStage.LOGIN, e);
            }
            throw SshConnectException.lost(server, "logging in as " + server.user(), "nothing ran there; try again", e);
        } catch (IOException e) {
            throw SshAuthException.keyUnusable(server, keyName, e);
        }
    }

    /** The server this connection leads to. */
    public Server server() {
        return server;
    }

    /**
     * The server's host key as this connection verified it against known_hosts, as in an OpenSSH public
     * key file ({@code "ssh-ed25519 AAAA..."}): what another client may pin for this server.
     */
    public String hostKeyLine() {
        return hostKeyLine;
    }

    /** Runs one command, built from the arguments each quoted, with no input. */
    public ExecResult exec(List<String> argv) {
        return exec(argv, new byte[0]);
    }

    /** Runs one command, built from the arguments each quoted, with {@code stdin} as its input. */
    public ExecResult exec(List<String> argv, byte[] stdin) {
        Objects.requireNonNull(stdin, "stdin cannot be null");
        try (RemoteProcess process = start(argv)) {
            Thread writer = new Thread(() -> feed(process.stdin(), stdin), "sitemove-ssh-stdin");
            writer.setDaemon(true);
            writer.start();
            byte[] out;
            try {
                out = process.stdout().readAllBytes();
                writer.join();
            } catch (IOException e) {
                throw lost(process.origin(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SshConnectException.interrupted(server, "running " + process.origin(), e);
            }
            int exit = process.waitFor();
            return new ExecResult(exit, out, process.stderrText(), process.origin());
        }
    }

    private static void feed(OutputStream stdin, byte[] data) {
        try (stdin) {
            stdin.write(data);
        } catch (IOException e) {
            LOG.debug("remote command stopped reading its input: {}", e.toString());
        }
    }

    /**
     * Starts one command, built from the arguments each quoted, and returns it streaming.
     *
     * @throws SshConnectException when no channel can be opened (transient)
     */
    public RemoteProcess start(List<String> argv) {
        String line = ShellQuote.command(argv);
        String origin = server + ": " + abbreviate(line);
        Session session = null;
        try {
            session = client.startSession();
            Session.Command command = session.exec(line);
            return new RemoteProcess(command, server, origin);
        } catch (IOException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (IOException ignored) {
                    // already broken
                }
            }
            throw lost(origin, e);
        }
    }

    private SshConnectException lost(String origin, IOException e) {
        return SshConnectException.lost(server, "running " + origin, "the command may have run in part; try again", e);
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    /** Disconnects. Idempotent. */
    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("disconnect failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "SshConnection[" + server + "]";
    }
}
