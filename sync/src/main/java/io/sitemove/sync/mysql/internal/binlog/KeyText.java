package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.TableInfo;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A primary key as text, the same whether it was read from a binlog row image or from a result set: its
 * columns' values as the server writes them ({@code ResultSet.getString}), joined by {@link #SEPARATOR}.
 * Integer, decimal and character keys are written; other types (dates, binary) are not, and give null.
 */
public final class KeyText {
    /** Between two columns' values: a control character no key of ours holds. */
    public static final String SEPARATOR = "\u001f";

    private KeyText() {
    }

    /** The key of a binlog row image of the table, or null when a key column's value cannot be written. */
    public static String of(TableInfo table, Serializable[] row) {
        List<String> values = new ArrayList<>();
        for (int position : table.primaryKey()) {
            String value = text(table.columns().get(position), row[position]);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return join(values);
    }

    /** Values read from a result set, joined. */
    public static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    /** Whether keys of this column can be written as text the same way from both places. */
    public static boolean writable(ColumnInfo column) {
        return column.integer() || column.text() && !column.dataType().contains("blob")
                || column.dataType().equals("decimal");
    }

    private static String text(ColumnInfo column, Serializable value) {
        if (value == null || !writable(column)) {
            return null;
        }
        if (value instanceof Integer n) {
            return column.unsigned() ? Long.toString(unsigned(column.dataType(), n)) : n.toString();
        }
        if (value instanceof Long n) {
            return column.unsigned() ? Long.toUnsignedString(n) : n.toString();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes && column.text()) {
            return new String(bytes, charset(column.charset()));
        }
        return null;
    }

    private static long unsigned(String dataType, int value) {
        return switch (dataType) {
            case "tinyint" -> value & 0xFFL;
            case "smallint" -> value & 0xFFFFL;
            case "mediumint" -> value & 0xFFFFFFL;
            default -> Integer.toUnsignedLong(value);
        };
    }

    private static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("utf8")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("latin1")) {
            return Charset.forName("windows-1252");
        }
        if (n.equals("ascii")) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
