/** The parts of the WordPress checks: reading wp-config.php, the database and the uploads; not part of the API. */
package io.sitemove.wordpress.internal;
