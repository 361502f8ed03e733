/**
 * Row deltas read from the sending server's binary log, not part of the API: {@link
 * io.sitemove.sync.mysql.internal.binlog.BinlogDelta} reads from the last cursor to where the log ends
 * ({@link io.sitemove.sync.mysql.internal.binlog.BinlogReader}, cells decoded exactly by {@link
 * io.sitemove.sync.mysql.internal.binlog.ExactEventDeserializer}) and applies the row events in order and
 * idempotently ({@link io.sitemove.sync.mysql.internal.binlog.RowApplier}); schema changes are recognised
 * ({@link io.sitemove.sync.mysql.internal.binlog.QueryClassifier}) and stop the delta or leave their tables to a
 * whole recopy ({@link io.sitemove.sync.mysql.internal.binlog.ReshapedTables}). {@link
 * io.sitemove.sync.mysql.internal.binlog.BinlogSettings} says whether a server's binary log can feed them.
 */
package io.sitemove.sync.mysql.internal.binlog;
