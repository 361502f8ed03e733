package io.sitemove.verify.internal;

import io.sitemove.MigrationException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs the same work on the source and the target at once: the source's in a new thread, the
 * target's in the caller's, so a verification takes as long as the slower side, not the sum.
 *
 * @param <T> what each side produces
 * @param source the source's result
 * @param target the target's result
 */
public record BothSides<T>(T source, T target) {

    /** Runs both and waits for both; a failure on either side is thrown (the source's first). */
    public static <T> BothSides<T> run(String what, Callable<T> onSource, Callable<T> onTarget) {
        FutureTask<T> sourceTask = new FutureTask<>(onSource);
        Thread thread = new Thread(sourceTask, "sitemove-verify-source");
        thread.setDaemon(true);
        thread.start();
        T target;
        try {
            target = onTarget.call();
        } catch (Exception e) {
            sourceTask.cancel(true);
            throw rethrow(what, e);
        }
        try {
            return new BothSides<>(sourceTask.get(), target);
        } catch (ExecutionException e) {
            throw rethrow(what, e.getCause());
        } catch (InterruptedException e) {
            sourceTask.cancel(true);
            Thread.currentThread().interrupt();
            throw MigrationException.permanent(what + " was interrupted; run the verification again", e);
        }
    }

    private static RuntimeException rethrow(String what, Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return MigrationException.permanent(what + " failed: " + failure.getMessage(), failure);
    }
}
