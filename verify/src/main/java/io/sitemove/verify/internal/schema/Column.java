package io.sitemove.verify.internal.schema;

/**
 * One column of a base table as information_schema describes it, normalised so that equal columns
 * on MySQL and MariaDB compare equal.
 *
 * @param name the column's name
 * @param position its place in the table, from 1
 * @param type its type ({@code varchar(50)}, {@code bigint unsigned}), lower case, integer widths dropped
 * @param nullable whether it takes NULL
 * @param defaultValue its default, unquoted, or null when it has none (or NULL)
 * @param extra what else it is ({@code auto_increment}, {@code on update current_timestamp}, a generation expression)
 * @param charset its character set, or null for a column without one
 * @param collation its collation, or null for a column without one
 */
public record Column(String name, int position, String type, boolean nullable, String defaultValue, String extra,
        String charset, String collation) {

    /** Charset and collation as one value, for a finding: {@code utf8mb4 / utf8mb4_bin}, or "none". */
    String characterSet() {
        return collation == null && charset == null ? "none" : charset + " / " + collation;
    }

    /** The default for a finding. */
    String defaultText() {
        return defaultValue == null ? "no default (NULL)" : "default " + defaultValue;
    }
}
