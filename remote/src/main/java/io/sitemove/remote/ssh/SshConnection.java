package io.sitemove.remote.ssh;

import io.sitemove.remote.ssh.internal.CheckingKnownHosts;
import io.sitemove.remote.ssh.internal.FastCiphersFirst;
import io.sitemove.remote.ssh.internal.ThreadDeathGuard;

import io.sitemove.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import net.schmizz.keepalive.KeepAliveProvider;
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
 * <pre>{@code
 * try (SshConnection ssh = SshConnection.open(server)) {
 *     String free = ssh.exec(List.of("df", "-Pk", "/var/www")).requireSuccess("read free disk").stdoutText();
 * }
 * }</pre>
 */
public final class SshConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int KEEPALIVE_SECONDS = 15;

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
        client.setConnectTimeout(CONNECT_TIMEOUT_MS);
        client.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
        try {
            connect(server, client, knownHosts);
            authenticate(server, client);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
        LOG.debug("connected to {}", server);
        return new SshConnection(server, client, CheckingKnownHosts.publicKeyLine(knownHosts.verified()));
    }

    private static CheckingKnownHosts loadKnownHosts(Server server) {
        try {
            return new CheckingKnownHosts(server.knownHosts().toFile());
        } catch (IOException e) {
            throw HostKeyException.knownHostsUnreadable(server, e);
        }
    }

    private static void connect(Server server, SSHClient client, CheckingKnownHosts knownHosts) {
        try {
            client.connect(server.host(), server.port());
        } catch (TransportException e) {
            if (knownHosts.refusal() != null) {
                throw HostKeyException.refused(server, knownHosts.refusal(), CheckingKnownHosts.keyType(knownHosts.offered()),
                        CheckingKnownHosts.fingerprint(knownHosts.offered()), e);
            }
            throw SshConnectException.handshakeFailed(server, e);
        } catch (UnknownHostException e) {
            throw SshConnectException.unknownHost(server, e);
        } catch (IOException e) {
            throw SshConnectException.unreachable(server, e);
        }
    }

    private static void authenticate(Server server, SSHClient client) {
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
            throw SshAuthException.refused(server, keyName, e);
        } catch (TransportException e) {
            throw SshConnectException.lost(server, "logging in as " + server.user(), e);
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
        return SshConnectException.lost(server, "running " + origin, e);
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
