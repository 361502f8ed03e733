package io.sitemove.sync.files.internal;

import io.sitemove.remote.Parallel;
import io.sitemove.spi.Direction;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.sync.files.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary key of one sync's direct route ({@link DirectKey}): made ahead, while the trees are
 * listed, when a FULL sync may take the route; else made when the transfer asks for it. The transfer closes
 * the key it uses; {@link #discard} removes one made ahead that the sync did not use.
 */
final class DirectKeys {
    private static final Logger LOG = LoggerFactory.getLogger(DirectKeys.class);

    /**
     * The key, or why the route is closed.
     *
     * @param key the installed key, or null
     * @param problem what closes the route, when there is no key
     */
    record Attempt(DirectKey key, String problem) {
    }

    private final FileSyncSettings settings;
    private final SyncContext ctx;
    private final RemoteTree sender;
    private final RemoteTree receiver;
    private final Parallel<ReceiverFacts> facts;
    private final Parallel<Attempt> ahead;

    /**
     * Starts making the key ahead when the sync is FULL and may go direct.
     *
     * @param facts what the receiving side tells, being read; the route needs its rrsync
     */
    DirectKeys(FileSyncSettings settings, SyncContext ctx, RemoteTree sender, RemoteTree receiver,
            Parallel<ReceiverFacts> facts) {
        this.settings = settings;
        this.ctx = ctx;
        this.sender = sender;
        this.receiver = receiver;
        this.facts = facts;
        this.ahead = settings.strategy() != Strategy.RELAY && ctx.mode() == SyncMode.FULL
                ? Parallel.start("sitemove-direct-key", this::attempt) : null;
    }

    /** The key made ahead, or one made now. */
    Attempt get() {
        return ahead != null ? ahead.join() : attempt();
    }

    private Attempt attempt() {
        DirectRoute route = DirectRoute.judge(receiver.ssh().server(), receiver.root(), facts.join().rrsync());
        if (!route.open()) {
            return new Attempt(null, route.problem());
        }
        Side receiving = ctx.direction() == Direction.REVERSE ? Side.SOURCE : Side.TARGET;
        try {
            return new Attempt(DirectKey.install(sender.ssh(), receiver.ssh(), ctx.site(),
                    settings.authorizedKeys().get(receiving), route.rrsync(), receiver.root()), null);
        } catch (DirectClosedException e) {
            return new Attempt(null, e.problem());
        }
    }

    /**
     * Removes a key made ahead that the transfer did not use (it closes the one it used). After a
     * failure ({@code done} false), a failure to make or remove the key is logged, not thrown over the first one.
     */
    void discard(boolean done) {
        if (ahead == null) {
            return;
        }
        try {
            DirectKey key = ahead.join().key();
            if (key != null) {
                key.close();
            }
        } catch (RuntimeException e) {
            if (done) {
                throw e;
            }
            LOG.warn("{}: the temporary key for the direct route: {}", settings.name(), e.getMessage());
        }
    }
}
