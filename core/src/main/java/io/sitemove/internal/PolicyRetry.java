package io.sitemove.internal;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.sitemove.MigrationException;
import io.sitemove.Phase;
import io.sitemove.RetryPolicy;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one retry layer: runs a step under the plan's {@link RetryPolicy} (by resilience4j),
 * retrying the failures that say they are transient. Whatever fails leaves as a
 * {@link MigrationException} that names the site, phase and step, the same instance the plugin threw;
 * one that was still transient after the last attempt is marked as given up, and so permanent.
 */
final class PolicyRetry {
    private static final Logger log = LoggerFactory.getLogger(PolicyRetry.class);

    private final String site;
    private final RetryPolicy policy;
    private final RetryConfig config;

    PolicyRetry(String site, RetryPolicy policy) {
        this.site = site;
        this.policy = policy;
        this.config = RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.initialWait(), policy.multiplier()))
                .retryOnException(policy::isRetryable)
                .failAfterMaxAttempts(false)
                .build();
    }

    /** Runs one step, tried again while it fails transiently and attempts are left. */
    <T> T run(Phase phase, String step, Supplier<T> action) {
        Retry retry = Retry.of(site + ":" + step, config);
        AtomicInteger attempts = new AtomicInteger();
        retry.getEventPublisher().onRetry(e -> log.warn("site {}: step {} of {} failed (attempt {}), trying again in {} ms: {}",
                site, step, phase, e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(),
                e.getLastThrowable() == null ? "" : e.getLastThrowable().getMessage()));
        Supplier<T> attempt = () -> {
            attempts.incrementAndGet();
            try {
                return action.get();
            } catch (RuntimeException e) {
                throw located(e, phase, step);
            }
        };
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (MigrationException e) {
            if (e.isTransient() && attempts.get() >= policy.maxAttempts()) {
                e.gaveUpAfter(attempts.get());
            }
            throw e;
        }
    }

    /** The failure as a {@link MigrationException} that says where it happened: the same instance when it is one. */
    MigrationException located(RuntimeException e, Phase phase, String step) {
        MigrationException m = e instanceof MigrationException already ? already
                : MigrationException.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        e, e instanceof UncheckedIOException);
        return m.in(site, phase, step);
    }
}
