package io.sitemove.spi;

import io.sitemove.Server;

/** What every SPI call is told: the site, the two servers and the retry policy. */
public interface MigrationContext {
    /** The site being migrated (the plan's name). */
    String site();

    /** The old server. */
    Server source();

    /** The new server. */
    Server target();

    /** The plan's retry policy, for remote calls. */
    Retry retry();

    /** The server on the given side. */
    default Server server(Side side) {
        return side == Side.SOURCE ? source() : target();
    }
}
