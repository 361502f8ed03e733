/**
 * Runnable programs that use only sitemove's public API: {@link io.sitemove.examples.MigrateOneSite},
 * the program a panel developer copies, and {@link io.sitemove.examples.Demo}, which runs it against
 * real servers on loopback.
 */
package io.sitemove.examples;
