package io.sitemove.bench;

import java.util.ArrayList;
import java.util.List;

/** Times an action, and the median of several runs. */
public final class Timing {
    private Timing() {
    }

    /** An action that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Seconds one run of the action took. */
    public static double seconds(Action action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The median of {@code runs} timings, each after {@code before} (which is not timed: resets the target). */
    /**
     * Runs the actions once each, round {@code round} of several: starting with action
     * {@code round % n} and wrapping around, so that over the rounds no action always follows the same
     * other one and each meets the machine's slow stretches as often as the rest.
     */
    public static void inTurns(int round, List<Action> actions) throws Exception {
        for (int k = 0; k < actions.size(); k++) {
            actions.get((round + k) % actions.size()).run();
        }
    }

    /** The median of times already taken. */
    public static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    public static double median(int runs, Action before, Action action) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            before.run();
            times.add(seconds(action));
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
