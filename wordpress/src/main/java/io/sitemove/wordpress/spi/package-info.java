/**
 * The extension point for rewriting a PHP application's configuration file on the target: {@link
 * io.sitemove.wordpress.spi.PhpConfig} names the file and the settings, {@link io.sitemove.wordpress.spi.PhpForm}
 * says how a setting is written.
 */
package io.sitemove.wordpress.spi;
