/**
 * WordPress: the maintenance mode WordPress itself honours ({@link io.sitemove.wordpress.WordPressMaintenance})
 * and the integrity of a moved site's rows, uploads and options
 * ({@link io.sitemove.wordpress.WordPressIntegrityVerifier}).
 */
package io.sitemove.wordpress;
