package io.sitemove.wordpress.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code $table_prefix = '...';} from the text of a {@code wp-config.php} without running PHP:
 * a small scanner that knows PHP's open and close tags, comments and string literals, so an
 * assignment in a comment or a string is not taken. The last assignment in the file wins, as in PHP.
 * Only a literal value is read; a prefix built at run time (a constant, a concatenation) is not.
 */
public final class TablePrefixParser {
    private static final String VARIABLE = "$table_prefix";
    /** What WordPress itself accepts as a prefix. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final String php;
    private int pos;

    private TablePrefixParser(String php) {
        this.php = php;
    }

    /**
     * The value of the last literal {@code $table_prefix} assignment in PHP code, if any.
     *
     * @param php the file's text
     */
    public static Optional<String> parse(String php) {
        return new TablePrefixParser(php).scan();
    }

    private Optional<String> scan() {
        String found = null;
        boolean code = false;
        while (pos < php.length()) {
            if (!code) {
                int open = php.indexOf("<?", pos);
                if (open < 0) {
                    break;
                }
                pos = open + (php.startsWith("<?php", open) ? 5 : php.startsWith("<?=", open) ? 3 : 2);
                code = true;
                continue;
            }
            char c = php.charAt(pos);
            if (php.startsWith("?>", pos)) {
                pos += 2;
                code = false;
            } else if (c == '#' || php.startsWith("//", pos)) {
                code = skipLineComment();
            } else if (php.startsWith("/*", pos)) {
                int end = php.indexOf("*/", pos + 2);
                pos = end < 0 ? php.length() : end + 2;
            } else if (c == '\'' || c == '"') {
                readString();
            } else if (php.startsWith(VARIABLE, pos) && !identifierAt(pos + VARIABLE.length())) {
                pos += VARIABLE.length();
                String value = readAssignment();
                found = value != null ? value : found;
            } else {
                pos++;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Skips to the end of the line; a {@code ?>} ends the comment and the code. Returns whether still in code. */
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

    private boolean identifierAt(int at) {
        if (at >= php.length()) {
            return false;
        }
        char c = php.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
    }

    private String readAssignment() {
        skipSpace();
        if (pos >= php.length() || php.charAt(pos) != '=' || php.startsWith("==", pos)) {
            return null;
        }
        pos++;
        skipSpace();
        if (pos >= php.length() || (php.charAt(pos) != '\'' && php.charAt(pos) != '"')) {
            return null;
        }
        String value = readString();
        skipSpace();
        return value != null && pos < php.length() && php.charAt(pos) == ';' ? value : null;
    }

    private void skipSpace() {
        while (pos < php.length() && Character.isWhitespace(php.charAt(pos))) {
            pos++;
        }
    }

    /** Reads the literal at pos; null for a double-quoted one that interpolates a variable. */
    private String readString() {
        char quote = php.charAt(pos++);
        StringBuilder value = new StringBuilder();
        boolean interpolates = false;
        while (pos < php.length() && php.charAt(pos) != quote) {
            char c = php.charAt(pos++);
            if (c == '\\' && pos < php.length()) {
                char next = php.charAt(pos);
                if (next == quote || next == '\\' || (quote == '"' && next == '$')) {
                    value.append(next);
                    pos++;
                    continue;
                }
            } else if (quote == '"' && (c == '$' || c == '{')) {
                interpolates = true;
            }
            value.append(c);
        }
        pos++;
        return interpolates ? null : value.toString();
    }
}
