package io.sitemove.sync.mysql;

import io.sitemove.remote.TestContext;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.util.Optional;

/** A sync context for tests that carries the cursor of the previous sync, as the journal would. */
final class CursorContext implements SyncContext {
    private final TestContext base;
    private final String cursor;

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

    @Override
    public ProgressReporter progress() {
        return base.progress();
    }
}
