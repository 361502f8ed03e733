package io.sitemove;

import java.time.Duration;
import java.util.Objects;

/**
 * The post-migration watch: how long the new server is watched after the cutover, and how often its
 * health verifiers run meanwhile. A rollback stays possible until the window ends.
 *
 * <pre>{@code
 * plan.toBuilder().watch(Watch.of(Duration.ofMinutes(30), Duration.ofMinutes(1)));
 * }</pre>
 *
 * @param window how long the watch lasts; zero for one round of checks
 * @param interval the time between rounds
 */
public record Watch(Duration window, Duration interval) {
    /** Ten minutes, every 30 seconds. */
    public static final Watch DEFAULT = new Watch(Duration.ofMinutes(10), Duration.ofSeconds(30));

    public Watch {
        Objects.requireNonNull(window, "window cannot be null");
        Objects.requireNonNull(interval, "interval cannot be null");
        if (window.isNegative()) {
            throw new IllegalArgumentException("watch window cannot be negative, was " + window);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("watch interval must be positive, was " + interval);
        }
    }

    /** A watch of {@code window}, one round every {@code interval}. */
    public static Watch of(Duration window, Duration interval) {
        return new Watch(window, interval);
    }
}
