/** The sync module's public API: FileSyncer, MySqlSyncer (with DeltaMethod), WordPressMaintenance and DbEndpoint. */
package io.sitemove.sync;
