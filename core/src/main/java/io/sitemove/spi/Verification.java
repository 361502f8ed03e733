package io.sitemove.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one verifier's run. It passed when none of its findings blocks: a verification may
 * pass with warnings and notes. {@code passed} is derived, not stored, so it cannot contradict the
 * findings; it is written to JSON for readers that want it.
 *
 * @param verifier the verifier's name
 * @param summary one line: what was compared and how it came out
 * @param findings what was found, at most a few hundred, each naming its subject
 * @param duration how long it took
 */
public record Verification(String verifier, String summary, List<Finding> findings, Duration duration) {
    public Verification {
        Objects.requireNonNull(verifier, "verifier cannot be null");
        Objects.requireNonNull(summary, "summary cannot be null");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings cannot be null"));
        Objects.requireNonNull(duration, "duration cannot be null");
    }

    /**
     * From JSON, also as earlier versions wrote it: then {@code passed} was stored and the findings were
     * lines of text; the lines of a failed verification are read as blocking so it still reads as failed.
     */
    @JsonCreator
    static Verification fromJson(@JsonProperty("verifier") String verifier, @JsonProperty("passed") Boolean passed,
            @JsonProperty("summary") String summary, @JsonProperty("findings") List<Finding> findings,
            @JsonProperty("duration") Duration duration) {
        List<Finding> read = findings == null ? List.of() : findings;
        if (Boolean.FALSE.equals(passed) && read.stream().noneMatch(Finding::blocks)) {
            read = read.isEmpty() ? List.of(Finding.legacy(summary).withSeverity(Finding.Severity.BLOCKING))
                    : read.stream().map(f -> f.withSeverity(Finding.Severity.BLOCKING)).toList();
        }
        return new Verification(verifier, summary, read, duration);
    }

    /** A passing verification without findings. */
    public static Verification pass(String verifier, String summary, Duration duration) {
        return new Verification(verifier, summary, List.of(), duration);
    }

    /** A verification with its findings; it fails if one of them blocks. */
    public static Verification of(String verifier, String summary, List<Finding> findings, Duration duration) {
        return new Verification(verifier, summary, findings, duration);
    }

    /** Whether the target is as it should be: no finding blocks. */
    @JsonProperty("passed")
    public boolean passed() {
        return findings.stream().noneMatch(Finding::blocks);
    }

    /** The findings that block. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }
}
