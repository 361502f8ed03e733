package io.sitemove.bench.files;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Retry;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The context sitemove's file syncer runs with in the benchmark: no retries, progress ignored. */
record BenchSyncContext(Server source, Server target, SyncMode mode) implements SyncContext {

    @Override
    public String site() {
        return "bench";
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
                    throw new IllegalStateException(operation + " failed", e);
                }
            }
        };
    }

    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public Optional<String> cursor() {
        return Optional.empty();
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> {
        };
    }
}
