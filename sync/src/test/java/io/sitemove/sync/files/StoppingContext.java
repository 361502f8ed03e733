package io.sitemove.sync.files;

import io.sitemove.Counts;
import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sync context that runs an action once, from the sync's own thread, at the first progress report of at
 * least {@code afterBytes} bytes: the transfer is then midway and waits for the action to finish.
 */
final class StoppingContext implements SyncContext {
    private final SyncContext ctx;
    private final long afterBytes;
    private final Runnable action;
    private final AtomicLong stoppedAt = new AtomicLong();
    private final AtomicLong stoppedNanos = new AtomicLong();

    StoppingContext(SyncContext ctx, long afterBytes, Runnable action) {
        this.ctx = ctx;
        this.afterBytes = afterBytes;
        this.action = action;
    }

    @Override
    public ProgressReporter progress() {
        return this::report;
    }

    private void report(Counts done, Counts total) {
        if (done.bytes() >= afterBytes && done.bytes() < total.bytes() && stoppedAt.compareAndSet(0, done.bytes())) {
            action.run();
            stoppedNanos.set(System.nanoTime());
        }
    }

    /** The bytes relayed when the action ran; 0 if it did not run. */
    long stoppedAt() {
        return stoppedAt.get();
    }

    /** When the action had finished, by {@link System#nanoTime()}; 0 if it did not run. */
    long stoppedNanos() {
        return stoppedNanos.get();
    }

    @Override
    public SyncMode mode() {
        return ctx.mode();
    }

    @Override
    public Direction direction() {
        return ctx.direction();
    }

    @Override
    public Optional<String> cursor() {
        return ctx.cursor();
    }

    @Override
    public String site() {
        return ctx.site();
    }

    @Override
    public Server source() {
        return ctx.source();
    }

    @Override
    public Server target() {
        return ctx.target();
    }
}
