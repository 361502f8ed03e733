package io.sitemove.fakes;

import io.sitemove.spi.MaintenanceContext;
import io.sitemove.spi.MaintenanceMode;
import io.sitemove.spi.Side;
import java.util.EnumSet;
import java.util.Set;

/** A maintenance mode that is a flag per side. */
public final class FlagMaintenance implements MaintenanceMode {
    private final Set<Side> on = EnumSet.noneOf(Side.class);
    private boolean brokenReadBack;

    public FlagMaintenance brokenReadBack() {
        brokenReadBack = true;
        return this;
    }

    public synchronized boolean isOn(Side side) {
        return on.contains(side);
    }

    @Override
    public synchronized void enable(MaintenanceContext ctx) {
        on.add(ctx.side());
    }

    @Override
    public synchronized void disable(MaintenanceContext ctx) {
        on.remove(ctx.side());
    }

    @Override
    public synchronized boolean isEnabled(MaintenanceContext ctx) {
        return !brokenReadBack && on.contains(ctx.side());
    }
}
