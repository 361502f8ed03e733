/**
 * WordPress: detection of a site over SSH ({@link io.sitemove.wordpress.WordPressDetector}, reporting a
 * {@link io.sitemove.wordpress.DetectedWordPress}), the target's {@code wp-config.php} rewritten for the
 * target database ({@link io.sitemove.wordpress.WordPressSyncer}, open to other PHP applications through
 * {@link io.sitemove.wordpress.spi.PhpConfig}), the maintenance mode WordPress itself honours
 * ({@link io.sitemove.wordpress.WordPressMaintenance}) and the integrity of a moved site's rows, uploads and
 * options ({@link io.sitemove.wordpress.WordPressIntegrityVerifier}).
 */
package io.sitemove.wordpress;
