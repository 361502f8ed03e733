/**
 * MySQL and MariaDB sync: {@link io.sitemove.sync.mysql.MySqlSyncer} copies a consistent snapshot and
 * applies deltas from the binary log or by key-range checksums ({@link io.sitemove.sync.mysql.DeltaMethod}).
 */
package io.sitemove.sync.mysql;
