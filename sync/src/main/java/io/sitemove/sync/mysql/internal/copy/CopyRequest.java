package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.sync.mysql.internal.Definer;

/**
 * One copy of whole tables from a sending database to a receiving one.
 *
 * @param name the syncer's name, for messages
 * @param from the sending database
 * @param to the receiving database
 * @param dropMissingTables whether the receiving side's tables the sending one lacks are dropped
 * @param progress told the rows copied
 * @param definer the definer views, routines, triggers and events get, copied after the tables; null leaves
 *     them alone (a checksum delta, a rollback)
 * @param settings how the copy runs
 */
public record CopyRequest(String name, DbEndpoint from, DbEndpoint to, boolean dropMissingTables,
        ProgressReporter progress, Definer definer, CopySettings settings) {
}
