package io.sitemove.verify.internal.schema;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables and schema objects of one database a statement from the binary log changes: CREATE,
 * ALTER, DROP and TRUNCATE of a table, view, trigger, procedure, function or event, CREATE and DROP
 * INDEX, RENAME TABLE. The names come out as {@code table x}, {@code view v}, {@code trigger t},
 * {@code procedure p}, {@code function f}, {@code event e}, the keys the comparison matches on.
 * A statement it does not know changes nothing.
 */
public final class DdlStatement {
    private static final String NAME = "((?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+))?)";
    private static final Pattern USE = Pattern.compile("^\\s*use\\s+" + NAME + "\\s*;\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OBJECT = Pattern.compile("^\\s*(?:/\\*.*?\\*/\\s*)?(?:CREATE|ALTER|DROP|TRUNCATE)\\s+"
            + "(?:OR\\s+REPLACE\\s+|ONLINE\\s+|IGNORE\\s+|TEMPORARY\\s+|AGGREGATE\\s+|ALGORITHM\\s*=\\s*\\w+\\s+"
            + "|DEFINER\\s*=\\s*\\S+\\s+|SQL\\s+SECURITY\\s+\\w+\\s+)*"
            + "(TABLE|VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:/\\*.*?\\*/\\s*)?" + NAME
            + "((?:\\s*,\\s*" + NAME + ")*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("^\\s*(?:CREATE|DROP)\\s+(?:OR\\s+REPLACE\\s+|ONLINE\\s+"
            + "|UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)*INDEX\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RENAME = Pattern.compile("^\\s*RENAME\\s+TABLES?\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PAIR = Pattern.compile(NAME + "\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile(NAME);

    private DdlStatement() {
    }

    /**
     * The keys of what the statement changes in {@code database}.
     *
     * @param info the statement as SHOW BINLOG EVENTS gives it, {@code use `db`; ALTER TABLE ...}
     */
    public static Set<String> touched(String info, String database) {
        Set<String> out = new LinkedHashSet<>();
        if (info == null) {
            return out;
        }
        String statement = info;
        String current = null;
        Matcher use = USE.matcher(info);
        if (use.find()) {
            current = unquote(use.group(1));
            statement = info.substring(use.end());
        }
        Matcher m = OBJECT.matcher(statement);
        if (m.find()) {
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            add(out, kind, m.group(2), current, database);
            Matcher more = LIST_ITEM.matcher(m.group(3));
            while (more.find()) {
                add(out, kind, more.group(1), current, database);
            }
            return out;
        }
        Matcher index = INDEX.matcher(statement);
        if (index.find()) {
            add(out, "table", index.group(2), current, database);
            return out;
        }
        Matcher rename = RENAME.matcher(statement);
        if (rename.find()) {
            Matcher pair = PAIR.matcher(rename.group(1));
            while (pair.find()) {
                add(out, "table", pair.group(1), current, database);
                add(out, "table", pair.group(2), current, database);
            }
        }
        return out;
    }

    private static void add(Set<String> out, String kind, String qualified, String current, String database) {
        String[] parts = split(qualified);
        String schema = parts[0] == null ? current : parts[0];
        if (database.equals(schema)) {
            out.add(kind + " " + parts[1]);
        }
    }

    /** {schema or null, name}, unquoted. */
    private static String[] split(String qualified) {
        String q = qualified.trim();
        int dot = dotOutsideQuotes(q);
        if (dot < 0) {
            return new String[] {null, unquote(q)};
        }
        return new String[] {unquote(q.substring(0, dot).trim()), unquote(q.substring(dot + 1).trim())};
    }

    private static int dotOutsideQuotes(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String name) {
        String n = name.trim();
        return n.length() >= 2 && n.startsWith("`") && n.endsWith("`") ? n.substring(1, n.length() - 1).replace("``", "`") : n;
    }
}
