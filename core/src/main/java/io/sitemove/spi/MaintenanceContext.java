package io.sitemove.spi;

/** What a {@link MaintenanceMode} is told. */
public interface MaintenanceContext extends MigrationContext {
    /** The side to put in or out of maintenance. */
    Side side();
}
