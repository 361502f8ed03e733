package io.sitemove.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one verifier's run.
 *
 * @param verifier the verifier's name
 * @param passed whether the target is as it should be
 * @param summary one line: what was compared and how it came out
 * @param findings the differences found, at most a few hundred, each naming the object
 * @param duration how long it took
 */
public record Verification(String verifier, boolean passed, String summary, List<String> findings, Duration duration) {
    public Verification {
        Objects.requireNonNull(verifier, "verifier cannot be null");
        Objects.requireNonNull(summary, "summary cannot be null");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings cannot be null"));
        Objects.requireNonNull(duration, "duration cannot be null");
    }

    /** A passing verification. */
    public static Verification pass(String verifier, String summary, Duration duration) {
        return new Verification(verifier, true, summary, List.of(), duration);
    }

    /** A failing verification with its findings. */
    public static Verification fail(String verifier, String summary, List<String> findings, Duration duration) {
        return new Verification(verifier, false, summary, findings, duration);
    }
}
