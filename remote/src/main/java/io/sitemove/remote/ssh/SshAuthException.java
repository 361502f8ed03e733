package io.sitemove.remote.ssh;

import io.sitemove.remote.AccessRefusedException;
import io.sitemove.Server;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The server refused the login, or the key to log in with could not be used (missing, unreadable,
 * encrypted). Permanent. The message names user@host:port and the key file, never key contents.
 */
public final class SshAuthException extends AccessRefusedException {
    private static final long serialVersionUID = 1L;

    private final transient Server server;
    private final String user;

    private SshAuthException(String message, Server server, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.user = server.user();
    }

    /** The server refused the login as its user with {@code keyName} (a key file, or "the default keys in ~/.ssh"). */
    public static SshAuthException refused(Server server, String keyName, Throwable cause) {
        String who = who(server);
        return new SshAuthException("server " + server.name() + ": login as " + who + " with key " + keyName
                + " was refused; install the key's public half in the user's authorized_keys", server, cause);
    }

    /** The key file to log in with does not exist or cannot be read. */
    public static SshAuthException keyMissing(Server server, Path key) {
        String who = who(server);
        return new SshAuthException("server " + server.name() + ": key file " + key + " for " + who
                + " does not exist or is not readable", server, null);
    }

    /** The key file could be read but not used (encrypted, or in a format the SSH library does not know). */
    public static SshAuthException keyUnusable(Server server, String keyName, Throwable cause) {
        String who = who(server);
        return new SshAuthException("server " + server.name() + ": cannot use key file " + keyName + " for " + who
                + " (" + cause.getMessage() + "); an unencrypted OpenSSH or PEM key is needed", server, cause);
    }

    private static String who(Server server) {
        Objects.requireNonNull(server, "server cannot be null");
        return server.user() + "@" + server.host() + ":" + server.port();
    }

    /** The server that refused the login (null in a deserialized copy). */
    public Server server() {
        return server;
    }

    /** The user the login was for. */
    public String user() {
        return user;
    }
}
