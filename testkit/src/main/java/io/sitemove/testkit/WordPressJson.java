package io.sitemove.testkit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the few fields the testkit needs from a WordPress REST answer without a JSON library: a key of the
 * top-level object only, so a media answer's {@code source_url} is the file's own and not one of the image sizes'
 * under {@code media_details}, which come first.
 */
final class WordPressJson {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private WordPressJson() {
    }

    /** The number under the top-level key, such as the answer's {@code id}. */
    static Optional<Long> number(String json, String key) {
        return value(json, key, NUMBER).map(Long::parseLong);
    }

    /** The string under the top-level key, its escapes decoded, such as the answer's {@code link}. */
    static Optional<String> string(String json, String key) {
        return value(json, key, STRING).map(WordPressJson::decode);
    }

    private static Optional<String> value(String json, String key, Pattern form) {
        int at = topLevelValue(json, key);
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = form.matcher(json).region(at, json.length());
        return m.lookingAt() ? Optional.of(m.groupCount() > 0 ? m.group(1) : m.group()) : Optional.empty();
    }

    /** Where the value of the top-level object's key starts, or -1: strings skipped, nesting counted. */
    private static int topLevelValue(String json, String key) {
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                int colon = skipSpace(json, end + 1);
                if (depth == 1 && colon < json.length() && json.charAt(colon) == ':'
                        && decode(json.substring(i + 1, end)).equals(key)) {
                    return skipSpace(json, colon + 1);
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return -1;
    }

    private static int endOfString(String json, int open) {
        int i = open + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, json.length() - 1);
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    static String decode(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 == escaped.length()) {
                out.append(c);
                continue;
            }
            char e = escaped.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
