package io.sitemove;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How often and how patiently a failed step or remote call is tried again. Only transient failures
 * are retried: {@link IOException}s and {@link MigrationException}s that say
 * {@link MigrationException#isTransient()}; a refused login or a full disk fails at once.
 *
 * <p>The engine alone retries, a whole step at a time: plugins say whether a failure is transient
 * ({@link MigrationException#isTransient()}) and never retry inside a step. A step still failing
 * after the last attempt surfaces as permanent ({@link MigrationException#attempts()} says how many).
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.builder().maxAttempts(5).initialWait(Duration.ofSeconds(1)).multiplier(2).build();
 * }</pre>
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialWait;
    private final double multiplier;
    private final Predicate<Throwable> retryOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialWait = b.initialWait;
        this.multiplier = b.multiplier;
        this.retryOn = b.retryOn;
    }

    /** Three attempts, one second apart at first, doubling. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A single attempt: nothing is retried. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** Starts a policy from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of attempts, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the second attempt. */
    public Duration initialWait() {
        return initialWait;
    }

    /** The factor applied to the wait after each further attempt. */
    public double multiplier() {
        return multiplier;
    }

    /** Whether a failure is worth another attempt. */
    public boolean isRetryable(Throwable failure) {
        return retryOn.test(failure);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialWait=" + initialWait + ", multiplier=" + multiplier + "]";
    }

    static boolean isTransientByDefault(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MigrationException m) {
                return m.isTransient();
            }
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialWait = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Predicate<Throwable> retryOn = RetryPolicy::isTransientByDefault;

        private Builder() {
        }

        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialWait(Duration initialWait) {
            Objects.requireNonNull(initialWait, "initialWait cannot be null");
            if (initialWait.isNegative() || initialWait.isZero()) {
                throw new IllegalArgumentException("initialWait must be positive, was " + initialWait);
            }
            this.initialWait = initialWait;
            return this;
        }

        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Replaces the test that decides which failures are transient. */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            this.retryOn = Objects.requireNonNull(retryOn, "retryOn cannot be null");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
