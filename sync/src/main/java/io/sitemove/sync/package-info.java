/**
 * The sync module's public API: FileSyncer (with its Preset and Exclusions), MySqlSyncer (with
 * DeltaMethod), WordPressMaintenance and DbEndpoint.
 */
package io.sitemove.sync;
