package io.sitemove.wordpress.internal.php;

import java.util.Optional;

/** Reads simple PHP literals from source text: quoted strings without interpolation, booleans, integers. */
public final class PhpLiterals {
    private PhpLiterals() {
    }

    /**
     * The string literal starting at {@code at} (a single or double quote), or null when it is not closed or,
     * double-quoted, interpolates a variable.
     */
    public static String parseString(String php, int at) {
        char quote = php.charAt(at);
        StringBuilder value = new StringBuilder();
        int i = at + 1;
        while (i < php.length() && php.charAt(i) != quote) {
            char c = php.charAt(i++);
            if (c == '\\' && i < php.length()) {
                char next = php.charAt(i);
                if (next == quote || next == '\\' || (quote == '"' && next == '$')) {
                    value.append(next);
                    i++;
                    continue;
                }
                if (quote == '"' && "nrt".indexOf(next) >= 0) {
                    value.append(next == 'n' ? '\n' : next == 'r' ? '\r' : '\t');
                    i++;
                    continue;
                }
            } else if (quote == '"' && (c == '$' || c == '{')) {
                return null;
            }
            value.append(c);
        }
        return i < php.length() ? value.toString() : null;
    }

    /**
     * The value of a whole expression when it is one literal: a string, {@code true}/{@code false} (as
     * "true"/"false") or an integer; empty for anything computed.
     */
    public static Optional<String> value(String expression) {
        String e = expression.strip();
        if (e.isEmpty()) {
            return Optional.empty();
        }
        char first = e.charAt(0);
        if (first == '\'' || first == '"') {
            String s = parseString(e, 0);
            boolean whole = s != null && e.charAt(e.length() - 1) == first && closesAtEnd(e);
            return whole ? Optional.of(s) : Optional.empty();
        }
        if (e.equalsIgnoreCase("true") || e.equalsIgnoreCase("false")) {
            return Optional.of(e.toLowerCase(java.util.Locale.ROOT));
        }
        return e.matches("-?[0-9]+") ? Optional.of(e) : Optional.empty();
    }

    private static boolean closesAtEnd(String e) {
        char quote = e.charAt(0);
        int i = 1;
        while (i < e.length() && e.charAt(i) != quote) {
            i += e.charAt(i) == '\\' ? 2 : 1;
        }
        return i == e.length() - 1;
    }
}
