package io.sitemove.remote;

import io.sitemove.MigrationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A remote call started on its own thread, so the two servers work at once; {@link #join()} returns its
 * value or rethrows its failure as it was thrown. {@link #onBoth} runs the same work on the source and
 * the target at once and waits for both.
 *
 * <pre>{@code
 * Parallel.Both<Listing> listings = Parallel.onBoth("list files", () -> list(source), () -> list(target));
 * compare(listings.source(), listings.target());
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Parallel<T> {
    private final FutureTask<T> task;
    private final String name;

    private Parallel(Supplier<T> call, String name) {
        this.task = new FutureTask<>(call::get);
        this.name = name;
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What the same work produced on each server.
     *
     * @param <T> what each side produces
     * @param source the source's result
     * @param target the target's result
     */
    public record Both<T>(T source, T target) {
    }

    /** Starts the call. */
    public static <T> Parallel<T> start(String name, Supplier<T> call) {
        return new Parallel<>(call, name);
    }

    /**
     * Runs {@code onSource} on a new thread and {@code onTarget} on the caller's, so the work takes as
     * long as the slower side, not the sum; waits for both. A failure on either side is thrown as it was
     * (the target's first, as it is known first; the source's call is then interrupted).
     *
     * @param what what the work is, for the thread's name and messages ("list files")
     */
    public static <T> Both<T> onBoth(String what, Supplier<T> onSource, Supplier<T> onTarget) {
        Parallel<T> source = start("sitemove-source-" + what.replace(' ', '-'), onSource);
        T target;
        try {
            target = onTarget.get();
        } catch (RuntimeException | Error e) {
            source.cancel();
            throw e;
        }
        return new Both<>(source.join(), target);
    }

    /** Waits for the call and returns its value; a failure is rethrown as the call threw it. */
    public T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw MigrationException.permanent("interrupted while waiting for " + name + "; run it again", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(name + " failed", e.getCause());
        }
    }

    /** Interrupts the call if it still runs; its result is then never asked for. */
    public void cancel() {
        task.cancel(true);
    }
}
