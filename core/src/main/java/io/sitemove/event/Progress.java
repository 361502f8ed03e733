package io.sitemove.event;

import io.sitemove.Counts;
import io.sitemove.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a step has come.
 *
 * @param site the site
 * @param phase the phase
 * @param at when
 * @param step the step ("sync:files")
 * @param done the work done
 * @param total the whole work, as far as known (zero where not known)
 * @param elapsed time since the step started
 */
public record Progress(String site, Phase phase, Instant at, String step, Counts done, Counts total, Duration elapsed)
        implements MigrationEvent {

    /** The fraction done, by bytes if known, else files, else rows; empty when no total is known. */
    public Optional<Double> fraction() {
        if (total.bytes() > 0) {
            return Optional.of(Math.min(1.0, (double) done.bytes() / total.bytes()));
        }
        if (total.files() > 0) {
            return Optional.of(Math.min(1.0, (double) done.files() / total.files()));
        }
        if (total.rows() > 0) {
            return Optional.of(Math.min(1.0, (double) done.rows() / total.rows()));
        }
        return Optional.empty();
    }

    /** The estimated time left, from the rate so far; empty until something is done and a total is known. */
    public Optional<Duration> eta() {
        return fraction().filter(f -> f > 0).map(f -> Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f)));
    }
}
