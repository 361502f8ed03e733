package io.sitemove.remote.ssh;

import io.sitemove.remote.ssh.internal.FlushOnCloseOutputStream;
import io.sitemove.remote.ssh.internal.StreamTail;

import io.sitemove.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * A remote command that streams: write to {@link #stdin()} (close it to send end-of-file), read
 * {@link #stdout()} to its end, then {@link #waitFor()} its exit code. Standard error is drained in
 * the background and its tail kept for messages.
 *
 * <pre>{@code
 * try (RemoteProcess tar = ssh.start(List.of("tar", "-cf", "-", "-C", "/var/www", "."))) {
 *     tar.stdin().close();
 *     tar.stdout().transferTo(out);
 *     if (tar.waitFor() != 0) throw ...;   // tar.stderrText() says why
 * }
 * }</pre>
 */
public final class RemoteProcess implements AutoCloseable {
    private final Session.Command command;
    private final StreamTail stderr;
    private final OutputStream stdin;
    private final Server server;
    private final String origin;

    RemoteProcess(Session.Command command, Server server, String origin) {
        this.command = command;
        this.server = server;
        this.origin = origin;
        this.stdin = new FlushOnCloseOutputStream(command.getOutputStream());
        this.stderr = new StreamTail(command.getErrorStream(), "sitemove-ssh-stderr");
    }

    /** The command's standard input; closing it sends end-of-file. */
    public OutputStream stdin() {
        return stdin;
    }

    /** The command's standard output; read it to its end before {@link #waitFor()}. */
    public InputStream stdout() {
        return command.getInputStream();
    }

    /** The tail of what the command wrote to standard error so far (all of it after {@link #waitFor()}). */
    public String stderrText() {
        return stderr.text();
    }

    /** Where the command runs and what it is, for messages. */
    public String origin() {
        return origin;
    }

    /**
     * Waits for the command to end and returns its exit code; 255 when it was killed by a signal or
     * the code was lost.
     *
     * @throws SshConnectException when the connection dropped meanwhile (transient)
     */
    public int waitFor() {
        try {
            command.join();
            stderr.await();
        } catch (IOException e) {
            throw SshConnectException.lost(server, "waiting for " + origin, "the command may have run in part; try again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SshConnectException.interrupted(server, "waiting for " + origin, e);
        }
        Integer status = command.getExitStatus();
        return status == null ? 255 : status;
    }

    /**
     * The name of the signal that ended the command ({@code "KILL"}, {@code "TERM"}, ...), when the server
     * reported one; known once {@link #waitFor()} returned.
     */
    public Optional<String> exitSignal() {
        Signal signal = command.getExitSignal();
        return signal == null ? Optional.empty() : Optional.of(signal.name());
    }

    /** Closes the channel; a command still running is cut off. */
    @Override
    public void close() {
        try {
            command.close();
        } catch (IOException ignored) {
            // the channel is gone already
        }
    }
}
