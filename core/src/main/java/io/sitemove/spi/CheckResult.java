package io.sitemove.spi;

import io.sitemove.MigrationException;
import java.util.Objects;

/**
 * The outcome of one preflight check.
 *
 * @param component who checked ("files", "dns", "maintenance")
 * @param check what was checked ("host key of old", "free disk on new")
 * @param passed whether it passed
 * @param detail what was found, and what to do when it failed
 * @param transientFailure for a failed check, whether it failed in a passing way (a server that did not
 *     answer within its bound, a dropped connection) rather than at what it found: a preflight whose
 *     every failed check is transient is retried by the engine
 */
public record CheckResult(String component, String check, boolean passed, String detail, boolean transientFailure) {
    public CheckResult {
        Objects.requireNonNull(component, "component cannot be null");
        Objects.requireNonNull(check, "check cannot be null");
        Objects.requireNonNull(detail, "detail cannot be null");
        if (passed && transientFailure) {
            throw new IllegalArgumentException("a passed check cannot be a transient failure");
        }
    }

    /** A check with no transient failure: passed, or failed at what it found. */
    public CheckResult(String component, String check, boolean passed, String detail) {
        this(component, check, passed, detail, false);
    }

    /** A passed check. */
    public static CheckResult pass(String component, String check, String detail) {
        return new CheckResult(component, check, true, detail);
    }

    /** A failed check; {@code detail} says what to do. */
    public static CheckResult fail(String component, String check, String detail) {
        return new CheckResult(component, check, false, detail);
    }

    /**
     * A check that could not be made because of {@code failure} (a server that refused or did not
     * answer): its message is the detail, and the check is transient when the failure is.
     */
    public static CheckResult failed(String component, String check, MigrationException failure) {
        return new CheckResult(component, check, false, failure.getMessage(), failure.isTransient());
    }

    @Override
    public String toString() {
        return component + " / " + check + ": " + (passed ? "ok" : "FAILED") + " (" + detail + ")";
    }
}
