package io.sitemove.internal;

import io.github.resilience4j.retry.RetryConfig;
import io.sitemove.MigrationException;
import io.sitemove.RetryPolicy;
import io.sitemove.spi.Retry;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plan's {@link RetryPolicy} run by resilience4j. */
public final class PolicyRetry implements Retry {
    private static final Logger log = LoggerFactory.getLogger(PolicyRetry.class);

    private final String site;
    private final RetryConfig config;

    public PolicyRetry(String site, RetryPolicy policy) {
        this.site = site;
        this.config = policy.toRetryConfig();
    }

    @Override
    public <T> T call(String operation, Callable<T> action) {
        io.github.resilience4j.retry.Retry retry = io.github.resilience4j.retry.Retry.of(site + ":" + operation, config);
        retry.getEventPublisher().onRetry(e -> log.warn("site {}: {} failed (attempt {}), trying again in {} ms: {}",
                site, operation, e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(),
                e.getLastThrowable() == null ? "" : e.getLastThrowable().toString()));
        try {
            return retry.executeCallable(action);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException(operation + " failed: " + e, e);
        }
    }
}
