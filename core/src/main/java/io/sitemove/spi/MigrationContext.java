package io.sitemove.spi;

import io.sitemove.Server;

/** What every SPI call is told: the site and the two servers. */
public interface MigrationContext {
    /** The site being migrated (the plan's name). */
    String site();

    /** The old server. */
    Server source();

    /** The new server. */
    Server target();


    /** The server on the given side. */
    default Server server(Side side) {
        return side == Side.SOURCE ? source() : target();
    }
}
