package io.sitemove.remote.ssh;

import io.sitemove.remote.AccessRefusedException;
import io.sitemove.Server;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The host key of a server could not be vouched for: the server offered a key its known_hosts file
 * does not hold ({@link Refusal#UNKNOWN_HOST}) or one different from the key it records
 * ({@link Refusal#CHANGED_KEY}), or the file could not be read ({@link Refusal#KNOWN_HOSTS_UNREADABLE}).
 * Permanent: someone must confirm the key (or fix the file) before the migration may go on.
 *
 * <pre>{@code
 * } catch (HostKeyException e) {
 *     if (e.refusal() == HostKeyException.Refusal.UNKNOWN_HOST) {
 *         panel.askOperatorToConfirm(e.server(), e.keyType().orElseThrow(), e.fingerprint().orElseThrow());
 *     }
 * }
 * }</pre>
 */
public final class HostKeyException extends AccessRefusedException {
    private static final long serialVersionUID = 1L;

    /** Why the key was not accepted (the message, {@link HostKeyException#reason()}, says it in words). */
    public enum Refusal {
        /** known_hosts has no key for this host and port. */
        UNKNOWN_HOST,
        /** known_hosts holds a different key for this host and port: the server changed, or someone is in between. */
        CHANGED_KEY,
        /** The known_hosts file could not be read, so no key could be checked. */
        KNOWN_HOSTS_UNREADABLE
    }

    private final transient Server server;
    private final Refusal refusal;
    private final String keyType;
    private final String fingerprint;

    private HostKeyException(String message, Server server, Refusal refusal, String keyType, String fingerprint,
            Throwable cause) {
        super(message, cause);
        this.server = server;
        this.refusal = refusal;
        this.keyType = keyType;
        this.fingerprint = fingerprint;
    }

    /**
     * The server offered a key that known_hosts does not vouch for.
     *
     * @param refusal {@link Refusal#UNKNOWN_HOST} or {@link Refusal#CHANGED_KEY}
     * @param keyType the offered key's type ({@code ssh-ed25519})
     * @param fingerprint the offered key's {@code SHA256:...} fingerprint
     * @param cause what the SSH library threw, or null
     */
    public static HostKeyException refused(Server server, Refusal refusal, String keyType, String fingerprint,
            Throwable cause) {
        Objects.requireNonNull(server, "server cannot be null");
        Objects.requireNonNull(keyType, "keyType cannot be null");
        Objects.requireNonNull(fingerprint, "fingerprint cannot be null");
        String what = switch (Objects.requireNonNull(refusal, "refusal cannot be null")) {
            case CHANGED_KEY -> "offered a host key DIFFERENT from the one recorded in";
            case UNKNOWN_HOST -> "offered a host key that is not in";
            case KNOWN_HOSTS_UNREADABLE -> throw new IllegalArgumentException("use knownHostsUnreadable(...)");
        };
        return new HostKeyException("server " + server.name() + " (" + server.host() + ":" + server.port() + ") " + what
                + " known_hosts file " + server.knownHosts() + ": " + keyType + " " + fingerprint
                + ". Do not proceed until this key is confirmed with the server's administrator"
                + " (ssh-keygen -lf on the server's host key); then record it in the known_hosts file.",
                server, refusal, keyType, fingerprint, cause);
    }

    /** The server's known_hosts file could not be read. */
    public static HostKeyException knownHostsUnreadable(Server server, IOException cause) {
        Objects.requireNonNull(server, "server cannot be null");
        return new HostKeyException("server " + server + ": cannot read known_hosts file " + server.knownHosts()
                + " (" + cause.getMessage() + "); fix the file before connecting", server,
                Refusal.KNOWN_HOSTS_UNREADABLE, null, null, cause);
    }

    /** The server whose key was refused: its name, host, port and known_hosts file (null in a deserialized copy). */
    public Server server() {
        return server;
    }

    /** Why the key was refused. */
    public Refusal refusal() {
        return refusal;
    }

    /** The offered key's type ({@code ssh-ed25519}); empty when known_hosts could not be read. */
    public Optional<String> keyType() {
        return Optional.ofNullable(keyType);
    }

    /** The offered key's fingerprint, {@code SHA256:...}; empty when known_hosts could not be read. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }
}
