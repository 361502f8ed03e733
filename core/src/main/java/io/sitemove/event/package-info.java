/**
 * Events a migration publishes to its {@link io.sitemove.event.MigrationListener}s. Events are
 * immutable records; a listener that throws is logged and never breaks a migration.
 */
package io.sitemove.event;
