package io.sitemove.spi;

import java.util.Objects;

/**
 * The outcome of one preflight check.
 *
 * @param component who checked ("files", "dns", "maintenance")
 * @param check what was checked ("host key of old", "free disk on new")
 * @param passed whether it passed
 * @param detail what was found, and what to do when it failed
 */
public record CheckResult(String component, String check, boolean passed, String detail) {
    public CheckResult {
        Objects.requireNonNull(component, "component cannot be null");
        Objects.requireNonNull(check, "check cannot be null");
        Objects.requireNonNull(detail, "detail cannot be null");
    }

    /** A passed check. */
    public static CheckResult pass(String component, String check, String detail) {
        return new CheckResult(component, check, true, detail);
    }

    /** A failed check; {@code detail} says what to do. */
    public static CheckResult fail(String component, String check, String detail) {
        return new CheckResult(component, check, false, detail);
    }

    @Override
    public String toString() {
        return component + " / " + check + ": " + (passed ? "ok" : "FAILED") + " (" + detail + ")";
    }
}
