package io.sitemove.remote.ssh;

import io.sitemove.remote.Bounds;
import io.sitemove.MigrationException;
import io.sitemove.Server;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The server could not be reached, the SSH handshake failed, or the connection dropped while a
 * command ran. Transient, except for a host name that does not resolve. Carries the server, when
 * known, and whether a wait ran out ({@link #timedOut()}).
 */
public final class SshConnectException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient Server server;
    private final boolean timedOut;

    /**
     * A failure whose server is not at hand; {@code transientFailure} says whether trying again may help.
     * Prefer the factories, which carry the server.
     */
    public SshConnectException(String message, Throwable cause, boolean transientFailure) {
        this(message, null, cause, transientFailure);
    }

    private SshConnectException(String message, Server server, Throwable cause, boolean transientFailure) {
        this(message, server, cause, transientFailure, timedOut(cause));
    }

    private SshConnectException(String message, Server server, Throwable cause, boolean transientFailure,
            boolean timedOut) {
        super(message, cause, transientFailure);
        this.server = server;
        this.timedOut = timedOut;
    }

    /**
     * A wait on the server ran out. Transient. {@code what} says what did not come, naming the server, and the
     * message adds the bound: {@code waitRanOut(old, "no SSH banner from old (10.0.0.5:22)", 30 s, e)} reads
     * "no SSH banner from old (10.0.0.5:22) within 30 s; ...".
     */
    public static SshConnectException waitRanOut(Server server, String what, Duration bound, Throwable cause) {
        return new SshConnectException(what + " within " + Bounds.describe(bound)
                + "; check that the server is up and answering, then try again", server, cause, true, true);
    }

    /** The TCP connection did not open within the server's connect timeout. Transient. */
    public static SshConnectException connectTimedOut(Server server, Throwable cause) {
        return waitRanOut(server, "no TCP connection to " + server.name() + " (" + address(server) + ")",
                server.connectTimeout(), cause);
    }

    /** {@code where} in the handshake ran out of the server's handshake timeout. Transient. */
    public static SshConnectException handshakeTimedOut(Server server, HandshakeStage where, Throwable cause) {
        String who = server.name() + " (" + address(server) + ")";
        String what = switch (where) {
            case BANNER -> "no SSH banner from " + who;
            case KEY_EXCHANGE -> "SSH key exchange with " + who + " did not finish";
            case LOGIN -> "login as " + server.user() + " on " + who + " did not finish";
        };
        return waitRanOut(server, what, server.handshakeTimeout(), cause);
    }

    /** The stages of opening a connection that the handshake timeout bounds together. */
    public enum HandshakeStage {
        /** Waiting for the server's identification line. */
        BANNER,
        /** Waiting for the key exchange to finish. */
        KEY_EXCHANGE,
        /** Waiting for the login to be accepted or refused. */
        LOGIN
    }

    /** No TCP connection could be opened to the server (refused, timed out, no route). Transient. */
    public static SshConnectException unreachable(Server server, Throwable cause) {
        return new SshConnectException("server " + server.name() + " (" + address(server) + ") is unreachable: " + cause
                + "; check the address and the firewall, then try again", server, cause, true);
    }

    /** The server's host name does not resolve. Permanent: the setting is wrong. */
    public static SshConnectException unknownHost(Server server, UnknownHostException cause) {
        return new SshConnectException("server " + server.name() + ": host name '" + server.host()
                + "' does not resolve; check the server's host", server, cause, false);
    }

    /** The connection opened but the SSH handshake failed (not an SSH server, or it dropped the connection). Transient. */
    public static SshConnectException handshakeFailed(Server server, Throwable cause) {
        return new SshConnectException("server " + server.name() + " (" + address(server) + "): SSH handshake failed: "
                + cause.getMessage() + "; check that an SSH server listens there, then try again", server, cause, true);
    }

    /**
     * The connection dropped while {@code doing}; {@code next} says where the work will resume. Transient. Reads
     * "the connection to old (10.0.0.5:22) was lost while listing /var/www; the next sync sends the rest". The
     * cause stays attached but its text is not in the message; a read idle timeout names the wait that ran out.
     */
    public static SshConnectException lost(Server server, String doing, String next, Throwable cause) {
        if (timedOut(cause)) {
            return waitRanOut(server, "no data from " + server.name() + " (" + address(server) + ") while " + doing,
                    server.readIdleTimeout(), cause);
        }
        return new SshConnectException("the connection to " + server.name() + " (" + address(server)
                + ") was lost while " + doing + "; " + next, server, cause, true);
    }

    /** The caller was interrupted while {@code doing}. Transient: nothing is known to be wrong with the server. */
    public static SshConnectException interrupted(Server server, String doing, InterruptedException cause) {
        return new SshConnectException("interrupted while " + doing + " on " + server, server, cause, true);
    }

    private static String address(Server server) {
        return server.host() + ":" + server.port();
    }

    private static boolean timedOut(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The server the connection was to; empty when the thrower did not know it (or in a deserialized copy). */
    public Optional<Server> server() {
        return Optional.ofNullable(server);
    }

    /** True when a wait ran out (connect, handshake or read timeout), rather than the connection being refused or cut. */
    public boolean timedOut() {
        return timedOut;
    }
}
