package io.sitemove.sync.mysql.internal.binlog;

import java.util.regex.Pattern;

/**
 * Sorts the statements a binlog carries as QUERY events: schema changes (DDL) and row changes logged
 * as statements, both of which a row delta cannot replay, and the rest (transaction control,
 * accounts, maintenance), which it skips.
 */
public final class QueryClassifier {
    /** What a logged statement is. */
    public enum Kind { DDL, STATEMENT_DML, OTHER }

    private static final Pattern COMMENTS = Pattern.compile("^(\\s+|/\\*(?!!)[\\s\\S]*?\\*/|#[^\\n]*\\n|--\\s[^\\n]*\\n)+");
    private static final Pattern DDL = Pattern.compile("^(TRUNCATE\\b|(CREATE|ALTER|DROP|RENAME)\\b[\\s\\S]*?"
            + "\\b(TABLE|TABLES|VIEW|TRIGGER|PROCEDURE|FUNCTION|EVENT|INDEX|DATABASE|SCHEMA|SEQUENCE)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPORARY = Pattern.compile("^(CREATE|DROP)\\s+TEMPORARY\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNTS = Pattern.compile("^(CREATE|ALTER|DROP|RENAME)\\s+(USER|ROLE|SERVER)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DML = Pattern.compile("^(INSERT|UPDATE|DELETE|REPLACE|LOAD\\s+DATA)\\b",
            Pattern.CASE_INSENSITIVE);

    private QueryClassifier() {
    }

    /** Classifies one logged statement. */
    public static Kind classify(String sql) {
        String statement = stripLeadingComments(sql);
        if (ACCOUNTS.matcher(statement).find() || TEMPORARY.matcher(statement).find()) {
            return Kind.OTHER;
        }
        if (DDL.matcher(statement).find()) {
            return Kind.DDL;
        }
        if (DML.matcher(statement).find()) {
            return Kind.STATEMENT_DML;
        }
        return Kind.OTHER;
    }

    /**
     * Whether a statement may touch the database: it ran with that database as default, or names
     * it (quoted or not) as a qualifier or as the database it creates or drops.
     */
    public static boolean concerns(String sql, String defaultDatabase, String database) {
        if (database.equals(defaultDatabase)) {
            return true;
        }
        String name = "(`" + Pattern.quote(database.replace("`", "``")) + "`|(?<![A-Za-z0-9_$])" + Pattern.quote(database)
                + "(?![A-Za-z0-9_$]))";
        return Pattern.compile(name + "\\s*\\.|\\b(DATABASE|SCHEMA)\\s+(IF\\s+(NOT\\s+)?EXISTS\\s+)?" + name,
                Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }

    /** The statement without its leading blanks and comments (keeping version comments, which are code). */
    public static String stripLeadingComments(String sql) {
        return COMMENTS.matcher(sql).replaceFirst("");
    }

    /** The statement shortened for a message: one line, at most 200 characters. */
    public static String excerpt(String sql) {
        String line = stripLeadingComments(sql).replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
