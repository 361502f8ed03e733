package io.sitemove.sync.files.internal;

import io.sitemove.Server;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.ssh.SshConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two connections of one sync, to the sending and the receiving server, opened at once; closing the
 * pair closes both.
 *
 * @param from the connection to the sending server
 * @param to the connection to the receiving server
 */
public record SshPair(SshConnection from, SshConnection to) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshPair.class);

    /** Connects to both servers at once; when one fails, the other is closed and the failure thrown as it was. */
    public static SshPair open(Server from, Server to) {
        Parallel<SshConnection> opening = Parallel.start("sitemove-connect-receiver", () -> SshConnection.open(to));
        SshConnection sender;
        try {
            sender = SshConnection.open(from);
        } catch (RuntimeException e) {
            try {
                opening.join().close();
            } catch (RuntimeException also) {
                LOG.debug("connecting to the receiving server failed too: {}", also.getMessage());
            }
            throw e;
        }
        try {
            return new SshPair(sender, opening.join());
        } catch (RuntimeException e) {
            sender.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            to.close();
        } finally {
            from.close();
        }
    }
}
