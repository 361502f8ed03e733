package io.sitemove.wordpress.internal;

import io.sitemove.wordpress.internal.php.PhpAssignment;
import io.sitemove.wordpress.internal.php.PhpLiterals;
import io.sitemove.wordpress.internal.php.PhpScanner;
import io.sitemove.wordpress.spi.PhpForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The literal constants and variables of a PHP file, as PHP would see them: the first {@code define} of a
 * constant wins (a second one is ignored by PHP), the last assignment of a variable wins.
 */
public final class WpFacts {
    private final Map<String, String> constants = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();

    private WpFacts() {
    }

    /** Scans the text. */
    public static WpFacts of(String php) {
        WpFacts facts = new WpFacts();
        List<PhpAssignment> found = PhpScanner.assignments(php);
        for (PhpAssignment a : found) {
            PhpLiterals.value(php.substring(a.valueStart(), a.valueEnd())).ifPresent(value -> {
                if (a.form() == PhpForm.CONSTANT) {
                    facts.constants.putIfAbsent(a.name(), value);
                } else {
                    facts.variables.put(a.name(), value);
                }
            });
        }
        return facts;
    }

    /** A constant's literal value, or "" (booleans as "true"/"false"). */
    public String constant(String name) {
        return constants.getOrDefault(name, "");
    }

    /** A variable's literal value, or "". */
    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }

    /** Whether a constant is literally true (also 1 or '1'). */
    public boolean isTrue(String name) {
        String value = constant(name);
        return value.equals("true") || value.equals("1");
    }
}
