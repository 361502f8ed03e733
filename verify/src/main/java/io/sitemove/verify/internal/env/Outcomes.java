package io.sitemove.verify.internal.env;

import io.sitemove.spi.CheckResult;
import io.sitemove.verify.EnvironmentParity.Severity;

/**
 * The one place where a compared aspect and its rule's severity become a preflight result: blocking
 * fails the check, a warning passes it with a detail that starts "warning:", ignored passes it.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** The result of {@code difference} under {@code severity}, for {@code component}. */
    public static CheckResult of(String component, Difference difference, Severity severity) {
        if (!difference.differs()) {
            return CheckResult.pass(component, difference.check(), difference.detail());
        }
        return switch (severity) {
            case BLOCKING -> CheckResult.fail(component, difference.check(), difference.detail()
                    + "; make the new server match, or change the rule for " + difference.aspect() + " in the plan");
            case WARNING -> CheckResult.pass(component, difference.check(), "warning: " + difference.detail());
            case IGNORED -> CheckResult.pass(component, difference.check(), "ignored by rule: " + difference.detail());
        };
    }
}
