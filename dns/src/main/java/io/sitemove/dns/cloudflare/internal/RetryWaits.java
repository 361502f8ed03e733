package io.sitemove.dns.cloudflare.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before trying a call again: the server's {@code Retry-After} seconds when given,
 * else an exponential backoff from 200 ms; never longer than {@code maxWait}.
 *
 * @param maxRetries how many times a call is tried again after the first attempt
 * @param maxWait the longest single wait
 * @param sleeper what waits
 */
public record RetryWaits(int maxRetries, Duration maxWait, Sleeper sleeper) {
    private static final long FIRST_BACKOFF_MILLIS = 200;

    /** The wait before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry, Optional<String> retryAfter) {
        Duration wanted = retryAfter.flatMap(RetryWaits::seconds)
                .orElseGet(() -> Duration.ofMillis(FIRST_BACKOFF_MILLIS << Math.min(retry, 20)));
        return wanted.compareTo(maxWait) > 0 ? maxWait : wanted;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.strip());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
