package io.sitemove.verify.internal.pages;

import io.sitemove.spi.MigrationContext;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Objects;

/**
 * The old and the new server of one run, each with its client and pool. Close after the run.
 *
 * @param old the old server (the source)
 * @param now the new server (the target)
 */
public record Sides(Side old, Side now) implements AutoCloseable {
    /** Checks both sides. */
    public Sides {
        Objects.requireNonNull(old, "old cannot be null");
        Objects.requireNonNull(now, "now cannot be null");
    }

    /**
     * Opens both sides for the hosts of {@code urls}: pinned as the settings say, else to the context's
     * source and target hosts on each URL's port.
     *
     * @throws UnknownHostException when a server's name does not resolve
     */
    public static Sides open(PageSettings s, MigrationContext ctx, Collection<URI> urls) throws UnknownHostException {
        PageSettings.Pin oldPin = s.oldPin().orElse(new PageSettings.Pin(ctx.source().host(), 0));
        PageSettings.Pin newPin = s.newPin().orElse(new PageSettings.Pin(ctx.target().host(), 0));
        Side old = Side.open("old", s, oldPin, urls);
        try {
            return new Sides(old, Side.open("new", s, newPin, urls));
        } catch (UnknownHostException | RuntimeException e) {
            old.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            old.close();
        } finally {
            now.close();
        }
    }
}
