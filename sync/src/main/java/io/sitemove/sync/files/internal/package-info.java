/**
 * How the file syncer works, not part of the API: one sync ({@link
 * io.sitemove.sync.files.internal.FileSyncRun}) lists both trees ({@link io.sitemove.sync.files.internal.RemoteTree}),
 * plans ({@link io.sitemove.sync.files.internal.DeltaPlan}) behind the deletion guard, moves the entries
 * ({@link io.sitemove.sync.files.internal.Mover}: the direct route with its temporary key, {@link
 * io.sitemove.sync.files.internal.DirectTransfer}, or the relay through a staging directory, {@link
 * io.sitemove.sync.files.internal.RelayTransfer}), places them with one remote script and reports.
 */
package io.sitemove.sync.files.internal;
