package io.sitemove.sync.mysql.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One column of a table as {@code information_schema.COLUMNS} describes it.
 *
 * @param name the column's name
 * @param dataType its type without width ({@code int}, {@code varchar}, ...), lower case
 * @param unsigned whether an integer or SET column is unsigned
 * @param charset its character set, or null for non-text columns
 * @param collation its collation, or null for non-text columns
 * @param generated whether its value is computed (virtual or stored generated column)
 */
public record ColumnInfo(String name, String dataType, boolean unsigned, String charset, String collation,
        boolean generated) {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

    public ColumnInfo {
        dataType = dataType.toLowerCase(Locale.ROOT);
        if (charset != null && !WORD.matcher(charset).matches() || collation != null && !WORD.matcher(collation).matches()) {
            charset = null;
            collation = null;
        }
    }

    /** Whether values are integers whose binlog form is signed. */
    public boolean integer() {
        return switch (dataType) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> true;
            default -> false;
        };
    }

    /** Whether the column holds text in a character set (and compares by a collation). */
    public boolean text() {
        return charset != null && collation != null;
    }
}
