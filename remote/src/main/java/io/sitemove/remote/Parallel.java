package io.sitemove.remote;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A remote call started on its own thread, so the two servers work at once; {@link #join()} returns its
 * value or rethrows its failure as it was thrown.
 *
 * @param <T> the value's type
 */
public final class Parallel<T> {
    private final FutureTask<T> task;

    private Parallel(Supplier<T> call, String name) {
        this.task = new FutureTask<>(call::get);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the call. */
    public static <T> Parallel<T> start(String name, Supplier<T> call) {
        return new Parallel<>(call, name);
    }

    /** Waits for the call and returns its value. */
    public T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while waiting for " + e.getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
