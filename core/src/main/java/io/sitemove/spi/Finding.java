package io.sitemove.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * One thing a verifier found: which check, on what (a URL, a table and key range, a path), what was
 * expected and what was there, how much it matters, and what to do. Every number in a finding is the
 * number of the thing it names. Journaled and rendered as JSON with the components' names as fields.
 *
 * <pre>{@code
 * Finding f = Finding.blocking("row-count", "table `orders`", "48 rows (source)", "47 rows", "sync the database again");
 * f.toText(); // BLOCKING row-count table `orders`: expected 48 rows (source), actual 47 rows; sync the database again
 * }</pre>
 *
 * @param check what was checked, short and stable ("row-count", "content", "status")
 * @param subject what it was checked on, as a person finds it ("table `orders`", "wp-config.php", a URL)
 * @param expected what the source has or the check wants, or empty
 * @param actual what the target has, or empty
 * @param severity how much it matters
 * @param remedy what to do about it, or empty
 * @param pending whether the difference is a change still on its way: made on the live source after the
 *     last sync, so the next delta sync is expected to close it. A pending finding keeps the severity it
 *     would have if it stayed, and does not block.
 */
public record Finding(String check, String subject, String expected, String actual, Severity severity, String remedy,
        boolean pending) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How much a finding matters. */
    public enum Severity {
        /** The target is not as it must be: the phase stops. */
        BLOCKING,
        /** Worth a look; the phase goes on. */
        WARNING,
        /** For the record. */
        INFO
    }

    /** Every component given; empty texts for what does not apply (null is taken as empty). */
    @JsonCreator
    public Finding(@JsonProperty("check") String check, @JsonProperty("subject") String subject,
            @JsonProperty("expected") String expected, @JsonProperty("actual") String actual,
            @JsonProperty("severity") Severity severity, @JsonProperty("remedy") String remedy,
            @JsonProperty("pending") boolean pending) {
        this.check = check == null ? "" : check;
        this.subject = subject == null ? "" : subject;
        this.expected = expected == null ? "" : expected;
        this.actual = actual == null ? "" : actual;
        this.severity = severity == null ? Severity.BLOCKING : severity;
        this.remedy = remedy == null ? "" : remedy;
        this.pending = pending;
    }

    /** A finding that stops the phase. */
    public static Finding blocking(String check, String subject, String expected, String actual, String remedy) {
        return new Finding(check, subject, expected, actual, Severity.BLOCKING, remedy, false);
    }

    /** A finding worth a look that does not stop the phase. */
    public static Finding warning(String check, String subject, String expected, String actual, String remedy) {
        return new Finding(check, subject, expected, actual, Severity.WARNING, remedy, false);
    }

    /** A finding for the record. */
    public static Finding info(String check, String subject, String text) {
        return new Finding(check, subject, "", text, Severity.INFO, "", false);
    }

    /**
     * A finding journaled by an earlier version as one line of text: the text is kept as its subject.
     * It is INFO, since those journals kept only passing verifications' findings as text; a failed
     * verification read back raises them (see {@link Verification}).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Finding legacy(String text) {
        return new Finding("", Objects.requireNonNull(text, "text cannot be null"), "", "", Severity.INFO, "", false);
    }

    /** This finding with another severity. */
    public Finding withSeverity(Severity s) {
        return new Finding(check, subject, expected, actual, Objects.requireNonNull(s, "severity cannot be null"), remedy,
                pending);
    }

    /** This finding marked as a change still on its way (see {@code pending}). */
    public Finding asPending() {
        return new Finding(check, subject, expected, actual, severity, remedy, true);
    }

    /** Whether it stops the phase: BLOCKING and not pending. */
    @JsonIgnore
    public boolean blocks() {
        return severity == Severity.BLOCKING && !pending;
    }

    /**
     * One line: {@code SEVERITY check subject: expected E, actual A; remedy}, leaving out what is empty
     * ({@code SEVERITY check subject: A; remedy} when nothing was expected).
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (pending) {
            sb.append(" (pending)");
        }
        if (!check.isEmpty()) {
            sb.append(' ').append(check);
        }
        sb.append(' ').append(subject);
        if (!expected.isEmpty()) {
            sb.append(": expected ").append(expected).append(actual.isEmpty() ? "" : ", actual " + actual);
        } else if (!actual.isEmpty()) {
            sb.append(": ").append(actual);
        }
        if (!remedy.isEmpty()) {
            sb.append("; ").append(remedy);
        }
        return sb.toString().replace('\n', ' ').replace('\r', ' ');
    }

    /** Findings as a JSON array of objects with these components as fields. */
    public static String toJson(List<Finding> findings) {
        try {
            return JSON.writeValueAsString(List.copyOf(findings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings cannot be written as JSON", e);
        }
    }
}
