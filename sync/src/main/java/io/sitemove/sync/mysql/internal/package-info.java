/**
 * How the MySQL syncer works, not part of the API: the sync of one context ({@link
 * io.sitemove.sync.mysql.internal.MySqlSync}) and what its kinds of sync share: consistent snapshots of the
 * sending database ({@link io.sitemove.sync.mysql.internal.SnapshotGroup}, {@link
 * io.sitemove.sync.mysql.internal.SourceSnapshot}), table and column definitions, the schema objects and their
 * definer, the triggers suspended while rows are applied, the final sync's write lock on the source, the
 * preflight and the events enabled after the cutover. The kinds of sync live in {@code copy} (whole tables),
 * {@code binlog} (row deltas from the binary log) and {@code checksum} (deltas by comparing both sides).
 */
package io.sitemove.sync.mysql.internal;
