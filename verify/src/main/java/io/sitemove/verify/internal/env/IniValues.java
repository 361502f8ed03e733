package io.sitemove.verify.internal.env;

import java.util.Locale;

/** PHP ini values as numbers: sizes with K, M, G suffixes, and -1 or 0 (for times) as unlimited. */
final class IniValues {
    private IniValues() {
    }

    /** Whether {@code newValue} is less than {@code oldValue}; values that are not numbers must be equal. */
    static boolean lower(String name, String oldValue, String newValue) {
        Long o = number(name, oldValue);
        Long n = number(name, newValue);
        if (o == null || n == null) {
            return !String.valueOf(oldValue).equals(String.valueOf(newValue));
        }
        return n < o;
    }

    static Long number(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.equals("-1") || (name.equals("max_execution_time") && v.equals("0"))) {
            return Long.MAX_VALUE;
        }
        long unit = 1;
        if (v.endsWith("K") || v.endsWith("M") || v.endsWith("G")) {
            unit = v.endsWith("K") ? 1L << 10 : v.endsWith("M") ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
