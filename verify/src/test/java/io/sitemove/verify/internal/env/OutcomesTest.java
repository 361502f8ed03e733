package io.sitemove.verify.internal.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.spi.CheckResult;
import io.sitemove.verify.EnvironmentParity;
import io.sitemove.verify.EnvironmentParity.Aspect;
import io.sitemove.verify.EnvironmentParity.Severity;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    private static final Difference MODE = new Difference(Aspect.SQL_MODE, "sql_mode", true,
            "sql_mode differs: '' on a:1/x, 'STRICT_ALL_TABLES' on b:2/x");

    @Test
    void blockingFailsAndSaysWhatToDo() {
        assertEquals(CheckResult.fail("environment", "sql_mode", MODE.detail() + "; make the new server match, or"
                + " change the rule for SQL_MODE in the plan"), Outcomes.of("environment", MODE, Severity.BLOCKING));
    }

    @Test
    void aWarningPassesWithADetailThatSaysSo() {
        assertEquals(CheckResult.pass("environment", "sql_mode", "warning: " + MODE.detail()),
                Outcomes.of("environment", MODE, Severity.WARNING));
        assertEquals(CheckResult.pass("environment", "sql_mode", "ignored by rule: " + MODE.detail()),
                Outcomes.of("environment", MODE, Severity.IGNORED));
    }

    @Test
    void noDifferencePassesWhateverTheRule() {
        Difference same = new Difference(Aspect.SQL_MODE, "sql_mode", false, "sql_mode matches: '' on a, '' on b");

        assertEquals(CheckResult.pass("environment", "sql_mode", same.detail()),
                Outcomes.of("environment", same, Severity.BLOCKING));
    }

    @Test
    void theDefaultRulesAreTheIssuesAndARuleOverridesOne() {
        EnvironmentParity defaults = EnvironmentParity.builder().build();
        assertEquals(Severity.BLOCKING, defaults.rules().get(Aspect.PHP_MAJOR_VERSION));
        assertEquals(Severity.WARNING, defaults.rules().get(Aspect.PHP_MINOR_VERSION));
        assertEquals(Severity.BLOCKING, defaults.rules().get(Aspect.SQL_MODE));
        assertEquals(Severity.BLOCKING, defaults.rules().get(Aspect.LOWER_CASE_TABLE_NAMES));
        assertEquals(Severity.WARNING, defaults.rules().get(Aspect.MAX_ALLOWED_PACKET));

        EnvironmentParity changed = EnvironmentParity.builder().rule(Aspect.SQL_MODE, Severity.WARNING).build();
        assertEquals(Severity.WARNING, changed.rules().get(Aspect.SQL_MODE));
    }
}
