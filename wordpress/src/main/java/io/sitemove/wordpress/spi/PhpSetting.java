package io.sitemove.wordpress.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting to write into a PHP configuration file: its form, its name and its value.
 *
 * <pre>{@code
 * PhpSetting host = PhpSetting.of(PhpForm.CONSTANT, "DB_HOST", PhpValue.of("10.0.0.5:3306"));
 * }</pre>
 *
 * @param form a constant or a variable
 * @param name the constant's or the variable's name (without {@code $}): letters, digits and {@code _}, not
 *     starting with a digit
 * @param value the value to write
 */
public record PhpSetting(PhpForm form, String name, PhpValue value) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Validates the setting. */
    public PhpSetting {
        Objects.requireNonNull(form, "form cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(value, "value cannot be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a PHP name (letters, digits, '_')");
        }
    }

    /** The same as the constructor. */
    public static PhpSetting of(PhpForm form, String name, PhpValue value) {
        return new PhpSetting(form, name, value);
    }

    /** The statement written for a setting the file does not have yet, without its line end. */
    public String statement() {
        return form == PhpForm.CONSTANT ? "define( '" + name + "', " + value.literal() + " );"
                : "$" + name + " = " + value.literal() + ";";
    }
}
