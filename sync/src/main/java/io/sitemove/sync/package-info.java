/**
 * The sync module's public API: FileSyncer (with its Preset and Exclusions), MySqlSyncer,
 * WordPressMaintenance and DbEndpoint.
 */
package io.sitemove.sync;
