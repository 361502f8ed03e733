package io.sitemove.wordpress.internal.php;

import io.sitemove.wordpress.spi.PhpForm;

/**
 * One assignment found in PHP code: {@code define('NAME', value)} or {@code $name = value;}, with where its
 * value expression lies in the text (the value's first character and one past its last, spaces excluded).
 *
 * @param form constant or variable
 * @param name the constant's or variable's name
 * @param valueStart index of the value's first character
 * @param valueEnd index one past the value's last character
 */
public record PhpAssignment(PhpForm form, String name, int valueStart, int valueEnd) {
}
