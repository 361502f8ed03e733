package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A running OpenSSH server of the testkit, standing for the old or the new web server.
 *
 * <p>It accepts only the testkit's client key ({@link Testkit#clientKey()}) for {@code user},
 * the user running the JVM; its host key is in {@link Testkit#knownHosts()}.
 *
 * @param name {@code "old"} or {@code "new"}
 * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
 * @param port its TCP port
 * @param user the login user, {@code System.getProperty("user.name")}
 * @param root the directory holding this server's site files, created empty
 * @param hostKeyLine its public host key as {@code "ssh-ed25519 AAAA..."}
 * @param hostPublicKey the file holding its public host key
 * @param authorizedKeys a second authorized_keys file this sshd reads for {@code user}, empty at start and
 *     writable: it stands for the user's own {@code ~/.ssh/authorized_keys}, where a migration may add (and
 *     must later remove) keys of its own
 */
public record SshServer(String name, String host, int port, String user, Path root, String hostKeyLine,
        Path hostPublicKey, Path authorizedKeys) {

    /**
     * Creates the record; no component may be null.
     *
     * @param name {@code "old"} or {@code "new"}
     * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
     * @param port its TCP port
     * @param user the login user, {@code System.getProperty("user.name")}
     * @param root the directory holding this server's site files, created empty
     * @param hostKeyLine its public host key as {@code "ssh-ed25519 AAAA..."}
     * @param hostPublicKey the file holding its public host key
     * @param authorizedKeys the user's own authorized_keys file on this server, empty at start
     */
    public SshServer {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(root, "root cannot be null");
        Objects.requireNonNull(hostKeyLine, "hostKeyLine cannot be null");
        Objects.requireNonNull(hostPublicKey, "hostPublicKey cannot be null");
        Objects.requireNonNull(authorizedKeys, "authorizedKeys cannot be null");
    }
}
