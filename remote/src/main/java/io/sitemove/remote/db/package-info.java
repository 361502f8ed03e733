/** MySQL and MariaDB endpoints and small JDBC helpers: passwords kept out of URLs, identifiers quoted. */
package io.sitemove.remote.db;
