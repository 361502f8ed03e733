package io.sitemove.wordpress.spi;

/**
 * How a PHP application's configuration file writes one setting.
 *
 * <pre>{@code
 * PhpSetting.of(PhpForm.CONSTANT, "DB_NAME", PhpValue.of("shop"));   // define( 'DB_NAME', 'shop' );
 * PhpSetting.of(PhpForm.VARIABLE, "table_prefix", PhpValue.of("wp_")); // $table_prefix = 'wp_';
 * }</pre>
 */
public enum PhpForm {
    /** A constant: {@code define('NAME', value);}, the name quoted with single or double quotes. */
    CONSTANT,
    /** A variable assignment: {@code $name = value;}. */
    VARIABLE
}
