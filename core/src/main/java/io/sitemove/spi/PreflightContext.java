package io.sitemove.spi;

/** What a preflight check is told. Preflight reads; it never changes anything. */
public interface PreflightContext extends MigrationContext {
}
