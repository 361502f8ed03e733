package io.sitemove.verify.internal;

/** Quotes SQL identifiers with backticks, doubling embedded backticks. */
public final class SqlNames {
    private SqlNames() {
    }

    /** {@code name} as a quoted identifier. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code database.table}, both quoted. */
    public static String qualified(String database, String table) {
        return quote(database) + "." + quote(table);
    }
}
