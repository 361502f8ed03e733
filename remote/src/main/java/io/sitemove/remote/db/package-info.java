/**
 * MySQL and MariaDB endpoints and small JDBC helpers: passwords kept out of URLs, identifiers quoted,
 * a refused login typed ({@link io.sitemove.remote.db.DatabaseAuthException}).
 */
package io.sitemove.remote.db;
