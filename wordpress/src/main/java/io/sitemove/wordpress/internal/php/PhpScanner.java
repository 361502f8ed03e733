package io.sitemove.wordpress.internal.php;

import io.sitemove.wordpress.spi.PhpForm;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the constant definitions and variable assignments in PHP source without running it: a small
 * scanner that knows the open and close tags, comments and string literals, so a {@code define(} in a
 * comment or a string is not taken. Heredocs are not understood (configuration files do not use them).
 */
public final class PhpScanner {
    private final String php;
    private final List<PhpAssignment> found = new ArrayList<>();
    private final List<int[]> lineComments = new ArrayList<>();
    private int pos;

    private PhpScanner(String php) {
        this.php = php;
    }

    /** Every assignment in the code, in the order of the text. */
    public static List<PhpAssignment> assignments(String php) {
        PhpScanner scanner = new PhpScanner(php);
        scanner.scan();
        return List.copyOf(scanner.found);
    }

    private void scan() {
        boolean code = false;
        while (pos < php.length()) {
            if (!code) {
                int open = php.indexOf("<?", pos);
                if (open < 0) {
                    return;
                }
                pos = open + (php.startsWith("<?php", open) ? 5 : php.startsWith("<?=", open) ? 3 : 2);
                code = true;
            } else {
                code = step();
            }
        }
    }

    /** Consumes one token of code; returns whether still in code. */
    private boolean step() {
        char c = php.charAt(pos);
        if (php.startsWith("?>", pos)) {
            pos += 2;
            return false;
        } else if (c == '#' || php.startsWith("//", pos)) {
            return skipLineComment();
        } else if (php.startsWith("/*", pos)) {
            int end = php.indexOf("*/", pos + 2);
            pos = end < 0 ? php.length() : end + 2;
        } else if (c == '\'' || c == '"') {
            skipString();
        } else if (c == '$' && identifierAt(pos + 1)) {
            variable();
        } else if (identifierStart(c) && !identifierAt(pos - 1) && !memberAccessBefore(pos)) {
            word();
        } else {
            pos++;
        }
        return true;
    }

    private boolean skipLineComment() {
        while (pos < php.length() && php.charAt(pos) != '\n') {
            if (php.startsWith("?>", pos)) {
                pos += 2;
                return false;
            }
            pos++;
        }
        return true;
    }

    private void variable() {
        pos++;
        String name = identifier();
        int after = skipSpace(pos);
        if (after < php.length() && php.charAt(after) == '=' && !php.startsWith("==", after)
                && !php.startsWith("=>", after)) {
            int start = skipSpace(after + 1);
            int end = expressionEnd(start, ';');
            if (end >= 0) {
                found.add(new PhpAssignment(PhpForm.VARIABLE, name, start, trimEnd(start, end)));
                pos = end;
            }
        }
    }

    private void word() {
        String word = identifier();
        if (!word.equalsIgnoreCase("define")) {
            return;
        }
        int at = skipSpace(pos);
        if (at >= php.length() || php.charAt(at) != '(') {
            return;
        }
        int nameStart = skipSpace(at + 1);
        if (nameStart >= php.length() || (php.charAt(nameStart) != '\'' && php.charAt(nameStart) != '"')) {
            return;
        }
        pos = nameStart;
        String name = PhpLiterals.parseString(php, nameStart);
        skipString();
        int comma = skipSpace(pos);
        if (name == null || comma >= php.length() || php.charAt(comma) != ',') {
            return;
        }
        int start = skipSpace(comma + 1);
        int end = expressionEnd(start, ')');
        if (end >= 0) {
            found.add(new PhpAssignment(PhpForm.CONSTANT, name, start, trimEnd(start, end)));
            pos = end;
        }
    }

    /**
     * Index of the top-level {@code stop} (or, for a call's argument, a top-level comma) that ends the
     * expression starting at {@code start}; -1 when the text ends first.
     */
    private int expressionEnd(int start, char stop) {
        int depth = 0;
        int i = start;
        while (i < php.length()) {
            char c = php.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(i);
                continue;
            }
            if (depth == 0 && (c == stop || (stop == ')' && c == ',') || c == ';')) {
                return c == stop || c == ',' ? i : -1;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            i++;
        }
        return -1;
    }

    private int trimEnd(int start, int end) {
        while (end > start && Character.isWhitespace(php.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private void skipString() {
        pos = stringEnd(pos);
    }

    /** Index one past the closing quote of the literal at {@code at}. */
    private int stringEnd(int at) {
        char quote = php.charAt(at);
        int i = at + 1;
        while (i < php.length() && php.charAt(i) != quote) {
            i += php.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, php.length());
    }

    private String identifier() {
        int start = pos;
        while (identifierAt(pos)) {
            pos++;
        }
        return php.substring(start, pos);
    }

    private int skipSpace(int at) {
        while (at < php.length() && Character.isWhitespace(php.charAt(at))) {
            at++;
        }
        return at;
    }

    private boolean memberAccessBefore(int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(php.charAt(i))) {
            i--;
        }
        return i >= 1 && (php.startsWith("->", i - 1) || php.startsWith("::", i - 1) || php.charAt(i) == '\\');
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private boolean identifierAt(int at) {
        if (at < 0 || at >= php.length()) {
            return false;
        }
        char c = php.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
    }
}
