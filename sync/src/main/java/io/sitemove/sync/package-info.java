/** The sync module's public API: FileSyncer, MySqlSyncer, WordPressMaintenance and DbEndpoint. */
package io.sitemove.sync;
