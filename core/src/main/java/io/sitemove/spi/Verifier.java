package io.sitemove.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that the target is what it should be: files and rows identical, pages answering, health.
 * A verifier reads; it never changes either server.
 */
public interface Verifier {
    /** A name for reports. */
    String name();

    /** Runs the check. Differences are reported in the result, not thrown. */
    Verification verify(VerifyContext ctx);

    /** The stages this verifier runs at; all of them unless overridden. */
    default Set<VerifyStage> stages() {
        return EnumSet.allOf(VerifyStage.class);
    }

    /** Checks, without changing anything, that the verifier can run. */
    default List<CheckResult> preflight(PreflightContext ctx) {
        return List.of();
    }
}
