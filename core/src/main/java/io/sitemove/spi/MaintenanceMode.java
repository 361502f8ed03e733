package io.sitemove.spi;

import java.util.List;

/**
 * Makes a side of the migration read-only for visitors (a maintenance page, a write lock) and
 * proves it. The cutover enables it on the source and checks {@link #isEnabled} before the last delta.
 */
public interface MaintenanceMode {
    /** Turns maintenance on for {@code ctx.side()}. Idempotent. */
    void enable(MaintenanceContext ctx);

    /** Turns maintenance off for {@code ctx.side()}. Idempotent. */
    void disable(MaintenanceContext ctx);

    /** Reads back whether maintenance is on, from the server itself. */
    boolean isEnabled(MaintenanceContext ctx);

    /** Checks, without changing anything, that maintenance can be switched. */
    default List<CheckResult> preflight(PreflightContext ctx) {
        return List.of();
    }

    /**
     * No maintenance mode at all. Only for sites that take no writes: the cutover then copies a
     * source that may still change.
     */
    static MaintenanceMode none() {
        return new MaintenanceMode() {
            @Override
            public void enable(MaintenanceContext ctx) {
            }

            @Override
            public void disable(MaintenanceContext ctx) {
            }

            @Override
            public boolean isEnabled(MaintenanceContext ctx) {
                return true;
            }

            @Override
            public String toString() {
                return "MaintenanceMode.none()";
            }
        };
    }
}
