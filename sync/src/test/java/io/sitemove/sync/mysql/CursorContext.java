package io.sitemove.sync.mysql;

import io.sitemove.remote.TestContext;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * A sync context for tests that carries the cursor of the previous sync, as the journal would, and keeps
 * the checkpoints the sync makes, telling each to a hook first (a test's fault, injected at a checkpoint).
 */
final class CursorContext implements SyncContext {
    private final TestContext base;
    private final String cursor;
    private final List<String> checkpoints = new CopyOnWriteArrayList<>();
    private volatile IntConsumer onCheckpoint = n -> { };

    private CursorContext(TestContext base, String cursor) {
        this.base = base;
        this.cursor = cursor;
    }

    static CursorContext of(Server source, Server target, SyncMode mode, Direction direction, String cursor) {
        return new CursorContext(TestContext.sync(source, target, mode, direction), cursor);
    }

    @Override
    public String site() {
        return base.site();
    }

    @Override
    public Server source() {
        return base.source();
    }

    @Override
    public Server target() {
        return base.target();
    }


    @Override
    public SyncMode mode() {
        return base.mode();
    }

    @Override
    public Direction direction() {
        return base.direction();
    }

    @Override
    public Optional<String> cursor() {
        return cursor == null || cursor.isEmpty() ? Optional.empty() : Optional.of(cursor);
    }

    /** Calls {@code hook} with each checkpoint's number (1 for the first), on the sync's thread, after keeping it. */
    CursorContext onCheckpoint(IntConsumer hook) {
        onCheckpoint = hook;
        return this;
    }

    /** The checkpoints made, in order. */
    List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    @Override
    public void checkpoint(String cursor) {
        checkpoints.add(cursor);
        onCheckpoint.accept(checkpoints.size());
    }

    @Override
    public ProgressReporter progress() {
        return base.progress();
    }
}
