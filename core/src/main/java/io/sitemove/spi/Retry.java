package io.sitemove.spi;

import java.util.concurrent.Callable;

/** Runs an action under the plan's retry policy: transient failures are tried again, others thrown at once. */
public interface Retry {
    /**
     * Runs {@code action}, retrying transient failures.
     *
     * @param operation a short description for log lines ("list files on old")
     * @return the action's result
     * @throws io.sitemove.MigrationException when the attempts are used up or the failure is permanent
     */
    <T> T call(String operation, Callable<T> action);

    /**
     * No retries: runs each action once and throws its failure as it is, a checked one wrapped in a
     * {@link io.sitemove.MigrationException} that names the operation. For running a plugin outside a
     * plan, in a test or a benchmark, where a failure should end the run.
     */
    static Retry once() {
        return new Retry() {
            @Override
            public <T> T call(String operation, Callable<T> action) {
                try {
                    return action.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new io.sitemove.MigrationException(operation + " failed", e);
                }
            }
        };
    }

    /** Runs {@code action} under the policy, for actions without a result. */
    default void run(String operation, ThrowingRunnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    /** A runnable that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
