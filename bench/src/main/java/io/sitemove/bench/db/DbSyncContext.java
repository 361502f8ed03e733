package io.sitemove.bench.db;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Retry;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** A sync context for calling the MySQL syncer directly: no retries, no progress, the given cursor. */
record DbSyncContext(SyncMode mode, Optional<String> cursor) implements SyncContext {
    private static final Server OLD = Server.builder("old").host("127.0.0.2").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();
    private static final Server NEW = Server.builder("new").host("127.0.0.3").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();

    static DbSyncContext full() {
        return new DbSyncContext(SyncMode.FULL, Optional.empty());
    }

    static DbSyncContext delta(String cursor) {
        return new DbSyncContext(SyncMode.DELTA, Optional.ofNullable(cursor).filter(c -> !c.isEmpty()));
    }

    @Override
    public String site() {
        return "bench";
    }

    @Override
    public Server source() {
        return OLD;
    }

    @Override
    public Server target() {
        return NEW;
    }

    @Override
    public Retry retry() {
        return new Retry() {
            @Override
            public <T> T call(String operation, Callable<T> action) {
                try {
                    return action.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(operation, e);
                }
            }
        };
    }

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> { };
    }
}
