package io.sitemove.remote;

import io.sitemove.Counts;
import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.MaintenanceContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A context for calling syncers and maintenance modes directly in tests; records progress reports. */
public final class TestContext implements SyncContext, PreflightContext, MaintenanceContext {
    private final Server source;
    private final Server target;
    private final SyncMode mode;
    private final Direction direction;
    private final Side side;
    private final boolean resumed;
    private final List<Counts> reports = new CopyOnWriteArrayList<>();

    private TestContext(Server source, Server target, SyncMode mode, Direction direction, Side side,
            boolean resumed) {
        this.source = source;
        this.target = target;
        this.mode = mode;
        this.direction = direction;
        this.side = side;
        this.resumed = resumed;
    }

    private TestContext(Server source, Server target, SyncMode mode, Direction direction, Side side) {
        this(source, target, mode, direction, side, false);
    }

    /** The same sync as the engine's retry of an interrupted one gives it ({@link #resumed()} true). */
    public TestContext resuming() {
        return new TestContext(source, target, mode, direction, side, true);
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    public static TestContext sync(Server source, Server target, SyncMode mode, Direction direction) {
        return new TestContext(source, target, mode, direction, Side.SOURCE);
    }

    public static TestContext forward(Server source, Server target, SyncMode mode) {
        return sync(source, target, mode, Direction.FORWARD);
    }

    public static TestContext side(Server source, Server target, Side side) {
        return new TestContext(source, target, SyncMode.FULL, Direction.FORWARD, side);
    }

    @Override
    public String site() {
        return "test-site";
    }

    @Override
    public Server source() {
        return source;
    }

    @Override
    public Server target() {
        return target;
    }


    @Override
    public SyncMode mode() {
        return mode;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public Optional<String> cursor() {
        return Optional.empty();
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> reports.add(done);
    }

    @Override
    public Side side() {
        return side;
    }

    /** What was reported as done, in order. */
    public List<Counts> reports() {
        return List.copyOf(reports);
    }
}
