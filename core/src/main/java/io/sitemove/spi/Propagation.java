package io.sitemove.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Whether every authoritative server answers with the new records.
 *
 * @param complete true when every server agreed before the deadline
 * @param answers per server ("ns1.example.com./192.0.2.53"), what it answered
 * @param took how long the check took
 */
public record Propagation(boolean complete, Map<String, String> answers, Duration took) {
    public Propagation {
        answers = Map.copyOf(Objects.requireNonNull(answers, "answers cannot be null"));
        Objects.requireNonNull(took, "took cannot be null");
    }
}
