package io.sitemove;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A server taking part in a migration, reached over SSH. Host keys are always verified against
 * {@link #knownHosts()}; there is no way to turn that off.
 *
 * <pre>{@code
 * Server old = Server.builder("old")
 *     .host("203.0.113.10").port(22).user("site")
 *     .identity(Path.of("/etc/panel/keys/migrate"))
 *     .knownHosts(Path.of("/etc/panel/known_hosts"))
 *     .handshakeTimeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * <p>Every wait on the server is bounded: opening the TCP connection ({@link #connectTimeout()}, default
 * 10 s), the SSH handshake and login as a whole, from the server's banner to the accepted key
 * ({@link #handshakeTimeout()}, default 30 s), and silence on an established connection
 * ({@link #readIdleTimeout()}, default 5 min). The read-idle bound is about the socket, not a command:
 * keep-alives flow while a command works quietly, so a long command is never cut by it; a peer that
 * stops answering is.
 *
 * @param name a short name used in messages and the journal ("old", "web-07")
 * @param host the address or host name SSH connects to
 * @param port the SSH port
 * @param user the SSH user
 * @param identity the private key file, if any (otherwise key files from the user's ~/.ssh)
 * @param knownHosts the known_hosts file holding this server's host key
 * @param connectTimeout the longest wait for the TCP connection to open
 * @param handshakeTimeout the longest wait for the SSH banner, key exchange and login together
 * @param readIdleTimeout the longest silence on an established connection before it counts as dead
 */
public record Server(String name, String host, int port, String user, Optional<Path> identity, Path knownHosts,
        Duration connectTimeout, Duration handshakeTimeout, Duration readIdleTimeout) {
    /** The default bound on opening the TCP connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default bound on the SSH banner, key exchange and login together. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** The default bound on silence on an established connection. */
    public static final Duration DEFAULT_READ_IDLE_TIMEOUT = Duration.ofMinutes(5);

    /** A server with the default timeouts. */
    public Server(String name, String host, int port, String user, Optional<Path> identity, Path knownHosts) {
        this(name, host, port, user, identity, knownHosts,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_READ_IDLE_TIMEOUT);
    }

    public Server {
        positive(connectTimeout, "connectTimeout");
        positive(handshakeTimeout, "handshakeTimeout");
        positive(readIdleTimeout, "readIdleTimeout");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(identity, "identity cannot be null");
        Objects.requireNonNull(knownHosts, "knownHosts cannot be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("server name cannot be blank");
        }
        if (host.isBlank() || host.startsWith("-")) {
            throw new IllegalArgumentException("server '" + name + "': host '" + host + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server '" + name + "': port " + port + " is outside 1..65535");
        }
        if (user.isBlank() || user.startsWith("-")) {
            throw new IllegalArgumentException("server '" + name + "': user '" + user + "' is not a user name");
        }
    }

    private static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what + " cannot be null");
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(what + " " + value + " must be more than zero and at most a day");
        }
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(what + " " + value + " must be at least a millisecond");
        }
        return value;
    }

    /** Starts a server description with the given name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + ")";
    }

    /** Builds a {@link Server}; validates each value as it is set. */
    public static final class Builder {
        private final String name;
        private String host;
        private int port = 22;
        private String user = System.getProperty("user.name");
        private Path identity;
        private Path knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Duration readIdleTimeout = DEFAULT_READ_IDLE_TIMEOUT;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name cannot be null");
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host cannot be null");
            return this;
        }

        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 1..65535");
            }
            this.port = port;
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user cannot be null");
            return this;
        }

        public Builder identity(Path privateKey) {
            this.identity = Objects.requireNonNull(privateKey, "identity cannot be null");
            return this;
        }

        public Builder knownHosts(Path knownHosts) {
            this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts cannot be null");
            return this;
        }

        /** The longest wait for the TCP connection to open (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** The longest wait for the SSH banner, key exchange and login together (default 30 s). */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive(timeout, "handshakeTimeout");
            return this;
        }

        /**
         * The longest silence on an established connection before it counts as dead (default 5 min); keep-alives
         * keep a healthy connection talking, so a command that works quietly for longer is not cut.
         */
        public Builder readIdleTimeout(Duration timeout) {
            this.readIdleTimeout = positive(timeout, "readIdleTimeout");
            return this;
        }

        public Server build() {
            if (host == null) {
                throw new IllegalStateException("server '" + name + "' has no host: call host(...)");
            }
            return new Server(name, host, port, user, Optional.ofNullable(identity), knownHosts,
                    connectTimeout, handshakeTimeout, readIdleTimeout);
        }
    }
}
