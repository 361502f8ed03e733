package io.sitemove.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Estimates how long one syncer's final sync will take from its history of syncs.
 *
 * <p>Two rates are read off the history: how fast changes pile up on the source (changes per
 * second of wall-clock time between the starts of consecutive syncs) and what a sync costs (a fixed
 * part plus a part per change, fitted by least squares over the deltas, or proportional when there
 * is only one). The estimate is that cost applied to the changes expected since the last sync started.
 */
public final class DowntimeEstimator {
    private static final int RECENT = 5;

    /**
     * One completed sync.
     *
     * @param startedAt when it started (the point its snapshot of the source was taken)
     * @param duration how long it took
     * @param changes how many items it changed
     * @param delta whether it was a delta (the full sync only dates the start of the history)
     */
    public record Sample(Instant startedAt, Duration duration, long changes, boolean delta) {
    }

    private DowntimeEstimator() {
    }

    /** The estimated final-sync duration at {@code now}; empty until at least one delta is in the history. */
    public static Optional<Duration> estimate(List<Sample> history, Instant now) {
        List<Sample> deltas = history.stream().filter(Sample::delta).toList();
        if (deltas.isEmpty()) {
            return Optional.empty();
        }
        List<Sample> recent = deltas.subList(Math.max(0, deltas.size() - RECENT), deltas.size());
        double ratePerSecond = changeRate(history, recent);
        Sample last = history.get(history.size() - 1);
        double secondsSince = Math.max(0, Duration.between(last.startedAt(), now).toMillis() / 1000.0);
        double expectedChanges = ratePerSecond * secondsSince;
        double[] cost = fitCost(recent);
        double millis = cost[0] + cost[1] * expectedChanges;
        return Optional.of(Duration.ofMillis(Math.round(Math.max(0, millis))));
    }

    private static double changeRate(List<Sample> history, List<Sample> recent) {
        double changes = 0;
        double seconds = 0;
        for (Sample s : recent) {
            int i = history.indexOf(s);
            if (i > 0) {
                changes += s.changes();
                seconds += Duration.between(history.get(i - 1).startedAt(), s.startedAt()).toMillis() / 1000.0;
            }
        }
        return seconds <= 0 ? 0 : changes / seconds;
    }

    /** {fixed ms, ms per change}, both at least zero. */
    private static double[] fitCost(List<Sample> samples) {
        int n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            double x = s.changes();
            double y = s.duration().toMillis();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        if (n >= 2 && denominator > 0) {
            double perChange = (n * sxy - sx * sy) / denominator;
            double fixed = (sy - perChange * sx) / n;
            if (perChange >= 0 && fixed >= 0) {
                return new double[] {fixed, perChange};
            }
        }
        double meanMs = sy / n;
        double meanChanges = sx / n;
        if (meanChanges == 0) {
            return new double[] {meanMs, 0};
        }
        return new double[] {0, meanMs / meanChanges};
    }
}
