package io.sitemove.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.internal.DowntimeEstimator.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeEstimatorTest {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    static Sample sample(long startSecond, long durationMs, long changes, boolean delta) {
        return new Sample(T0.plusSeconds(startSecond), Duration.ofMillis(durationMs), changes, delta);
    }

    @Test
    void noEstimateBeforeTheFirstDelta() {
        assertTrue(DowntimeEstimator.estimate(List.of(sample(0, 60_000, 20_000, false)), T0.plusSeconds(100)).isEmpty());
    }

    @Test
    void appliesTheFittedCostToTheChangesExpectedSinceTheLastSync() {
        // changes pile up at 1 per second; a delta costs 1000 ms plus 10 ms per change
        List<Sample> history = List.of(
                sample(0, 60_000, 20_000, false),
                sample(100, 2_000, 100, true),
                sample(300, 3_000, 200, true),
                sample(700, 5_000, 400, true));

        Duration estimate = DowntimeEstimator.estimate(history, T0.plusSeconds(700 + 50)).orElseThrow();

        assertEquals(1_000 + 10 * 50, estimate.toMillis());
    }

    @Test
    void withOneDeltaTheCostIsProportional() {
        List<Sample> history = List.of(sample(0, 60_000, 20_000, false), sample(100, 2_000, 100, true));
        assertEquals(2_000, DowntimeEstimator.estimate(history, T0.plusSeconds(200)).orElseThrow().toMillis());
    }

    @Test
    void quietSitesCostTheFixedPartOnly() {
        List<Sample> history = List.of(sample(0, 60_000, 20_000, false), sample(100, 800, 0, true), sample(200, 900, 0, true));
        assertEquals(850, DowntimeEstimator.estimate(history, T0.plusSeconds(1000)).orElseThrow().toMillis());
    }
}
