package io.sitemove.verify.internal.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises what information_schema says so that the same definition reads the same on MySQL and
 * MariaDB, and in a database of another name: integer display widths, quoted defaults,
 * {@code current_timestamp()}, {@code DEFAULT_GENERATED}, and in definitions the database's own name
 * and runs of white space outside quotes.
 */
public final class Normalise {
    private static final Pattern INTEGER_WIDTH =
            Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");
    private static final Pattern NOW = Pattern.compile("\\b(current_timestamp|now|localtimestamp|localtime)\\(\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Normalise() {
    }

    /** A column type: lower case, integer display widths dropped unless {@code zerofill} keeps them. */
    public static String type(String columnType) {
        String t = columnType.trim().toLowerCase(Locale.ROOT);
        return t.contains("zerofill") ? t : INTEGER_WIDTH.matcher(t).replaceAll("$1");
    }

    /**
     * A column default: null for none and for NULL (MariaDB writes {@code NULL}, MySQL null), a quoted
     * literal unquoted (MariaDB quotes them, MySQL does not), an expression in lower case with
     * {@code current_timestamp()} written {@code current_timestamp}.
     */
    public static String defaultValue(String columnDefault) {
        if (columnDefault == null || columnDefault.equals("NULL")) {
            return null;
        }
        String d = columnDefault.trim();
        if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
            return d.substring(1, d.length() - 1).replace("''", "'").replace("\\\\", "\\");
        }
        return expression(d);
    }

    /** A column's extra: lower case, {@code DEFAULT_GENERATED} dropped, {@code current_timestamp()} without parentheses. */
    public static String extra(String extra, String generation) {
        String e = extra == null ? "" : SPACES.matcher(extra.toLowerCase(Locale.ROOT).replace("default_generated", ""))
                .replaceAll(" ").trim();
        e = NOW.matcher(e).replaceAll("$1");
        if (generation != null && !generation.isBlank()) {
            e = (e.isEmpty() ? "" : e + " ") + "as (" + definition(generation, null) + ")";
        }
        return e;
    }

    private static String expression(String e) {
        return NOW.matcher(e.toLowerCase(Locale.ROOT)).replaceAll("$1");
    }

    /**
     * A view's, trigger's, routine's or event's body: the database's own name dropped where it
     * qualifies a name ({@code `shop`.`orders`} becomes {@code `orders`}), runs of white space outside
     * quotes made one space, the ends trimmed. Quoted text is kept as it is.
     *
     * @param database the database's name, or null to keep every qualifier
     */
    public static String definition(String body, String database) {
        if (body == null) {
            return null;
        }
        String own = database == null ? null : "`" + database.replace("`", "``") + "`.";
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (own != null && c == '`' && body.startsWith(own, i)) {
                i += own.length();
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = closing(body, i);
                out.append(body, i, end);
                i = end;
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
                if (out.length() > 0 && i < n) {
                    out.append(' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote or a backslash escape does not close it. */
    private static int closing(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** A definer as {@code user@host}, without quotes, or null. */
    public static String definer(String definer) {
        return definer == null || definer.isBlank() ? null : definer.replace("`", "").replace("'", "");
    }
}
