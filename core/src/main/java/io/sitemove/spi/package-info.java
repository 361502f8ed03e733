/**
 * The extension points of sitemove: {@link io.sitemove.spi.Syncer}, {@link io.sitemove.spi.Verifier},
 * {@link io.sitemove.spi.DnsSwitcher}, {@link io.sitemove.spi.MaintenanceMode},
 * {@link io.sitemove.spi.Journal} and {@link io.sitemove.spi.Backup}. Each takes a context object,
 * so new data goes on the context rather than into the signature.
 */
package io.sitemove.spi;
