package io.sitemove.dns.cloudflare.internal;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits out Cloudflare's rate limit within one call, through a resilience4j {@link Retry}: an answer
 * HTTP 429 is asked again after its {@code Retry-After} (seconds, or an HTTP date), else after a
 * backoff of 200 ms doubling, at most {@code maxRetries} times and never waiting more than
 * {@code budget} in all (a wait is cut to what is left of it). Only 429 is retried: the request was
 * not carried out, so sending it again is safe whatever it does. The retry decides; the waiting is
 * done by the {@link Sleeper}, so that tests do not sleep.
 *
 * @param maxRetries how many times a rate-limited request is sent again (0 for never)
 * @param budget the longest one call waits for rate limits, all its waits together
 * @param sleeper what waits
 * @param clock the time, to turn an HTTP-date {@code Retry-After} into a wait
 */
public record RateLimitRetry(int maxRetries, Duration budget, Sleeper sleeper, Clock clock) {
    /** The status of an answer limited by rate. */
    public static final int TOO_MANY_REQUESTS = 429;

    private static final long FIRST_BACKOFF_MILLIS = 200;

    /** What one call came to: the last answer and how many times the request was sent again. */
    public record Outcome(HttpResponse<String> response, int retries) {
    }

    /**
     * Sends the request with {@code send} until the answer is not 429 or the retries or the budget are
     * used up, and returns the last answer.
     *
     * @param onWait told the answer and the wait before each retry, for the log
     * @throws InterruptedException when interrupted while waiting
     */
    public Outcome run(String name, Supplier<HttpResponse<String>> send, WaitListener onWait) throws InterruptedException {
        Allowance allowance = new Allowance(budget.toMillis());
        RetryConfig config = RetryConfig.<HttpResponse<String>>custom()
                .maxAttempts(maxRetries + 1)
                .retryOnResult(r -> r.statusCode() == TOO_MANY_REQUESTS && allowance.left() > 0)
                .retryOnException(e -> false)
                .intervalBiFunction((attempt, answer) -> allowance.take(wanted(attempt, answer.get())))
                .failAfterMaxAttempts(false)
                .build();
        Retry.AsyncContext<HttpResponse<String>> attempts = Retry.of(name, config).asyncContext();
        for (int retries = 0; ; retries++) {
            HttpResponse<String> response = send.get();
            long wait = attempts.onResult(response);
            if (wait < 0) {
                attempts.onComplete();
                return new Outcome(response, retries);
            }
            onWait.waiting(response, Duration.ofMillis(wait), retries + 1);
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }

    /** Told of each wait before a retry. */
    @FunctionalInterface
    public interface WaitListener {
        /** {@code retry} counts from 1. */
        void waiting(HttpResponse<String> answer, Duration wait, int retry);
    }

    /** The wait the answer asks for before retry number {@code attempt} (from 1). */
    private long wanted(int attempt, HttpResponse<String> answer) {
        return answer.headers().firstValue("Retry-After").flatMap(this::retryAfter)
                .orElseGet(() -> Duration.ofMillis(FIRST_BACKOFF_MILLIS << Math.min(Math.max(attempt - 1, 0), 20)))
                .toMillis();
    }

    /** {@code Retry-After} as a wait: delay-seconds, or an HTTP date (RFC 9110 10.2.3); empty when it is neither. */
    Optional<Duration> retryAfter(String header) {
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** What is left of one call's budget for waiting. Used by one thread only. */
    private static final class Allowance {
        private long left;

        Allowance(long millis) {
            this.left = millis;
        }

        long left() {
            return left;
        }

        long take(long wanted) {
            long wait = Math.min(wanted, left);
            left -= wait;
            return wait;
        }
    }
}
