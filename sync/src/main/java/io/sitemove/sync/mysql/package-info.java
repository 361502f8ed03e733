/**
 * MySQL and MariaDB sync: {@link io.sitemove.sync.mysql.MySqlSyncer} copies a consistent snapshot and
 * applies deltas from the binary log or by key-range checksums ({@link io.sitemove.sync.mysql.DeltaMethod}).
 * Each sync's details are one of the {@link io.sitemove.sync.mysql.MySqlSyncDetails} records ({@link
 * io.sitemove.sync.mysql.MySqlCopyDetails}, {@link io.sitemove.sync.mysql.MySqlBinlogDeltaDetails}, {@link
 * io.sitemove.sync.mysql.MySqlChecksumDeltaDetails}), built of {@link io.sitemove.sync.mysql.CopiedTables},
 * {@link io.sitemove.sync.mysql.CopyFigures}, {@link io.sitemove.sync.mysql.RangeFigures}, {@link
 * io.sitemove.sync.mysql.SchemaObjectsCopied}, {@link io.sitemove.sync.mysql.SourceLock} and {@link
 * io.sitemove.sync.mysql.BinlogPosition}.
 */
package io.sitemove.sync.mysql;
