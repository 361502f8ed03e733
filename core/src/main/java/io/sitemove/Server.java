package io.sitemove;

import java.nio.file.Path;
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
 *     .build();
 * }</pre>
 *
 * @param name a short name used in messages and the journal ("old", "web-07")
 * @param host the address or host name SSH connects to
 * @param port the SSH port
 * @param user the SSH user
 * @param identity the private key file, if any (otherwise key files from the user's ~/.ssh)
 * @param knownHosts the known_hosts file holding this server's host key
 */
public record Server(String name, String host, int port, String user, Optional<Path> identity, Path knownHosts) {

    public Server {
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

        public Server build() {
            if (host == null) {
                throw new IllegalStateException("server '" + name + "' has no host: call host(...)");
            }
            return new Server(name, host, port, user, Optional.ofNullable(identity), knownHosts);
        }
    }
}
