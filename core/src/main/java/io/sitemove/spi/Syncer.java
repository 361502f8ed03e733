package io.sitemove.spi;

import java.util.List;
import java.util.Set;

/**
 * Copies one part of a site (a document root, a database) from source to target. The engine calls
 * it with mode FULL once, DELTA for each incremental sync, FINAL at the cutover, and DELTA with
 * direction REVERSE for a rollback.
 *
 * <p>Every call must be idempotent: after a crash the engine calls it again with the same cursor.
 *
 * <pre>{@code
 * public final class MySyncer implements Syncer {
 *     public String name() { return "uploads"; }
 *     public Set<String> writes() { return Set.of("files:new:/srv/uploads"); }
 *     public SyncResult sync(SyncContext ctx) { ... }
 * }
 * }</pre>
 */
public interface Syncer {
    /** A name unique within the plan; keys this syncer's cursor in the journal. */
    String name();

    /**
     * What this syncer writes on the target, as identifiers such as {@code "files:new-host:/var/www"}
     * or {@code "mysql:new-host:3306/shop"}. The plan refuses two syncers that write the same thing.
     */
    Set<String> writes();

    /** Performs one sync. */
    SyncResult sync(SyncContext ctx);

    /** Checks, without changing anything, that the sync can run (access, space, versions). */
    default List<CheckResult> preflight(PreflightContext ctx) {
        return List.of();
    }

    /** Removes what the syncer left for the migration's sake (temporary keys, locks). Idempotent. */
    default void cleanup(MigrationContext ctx) {
    }
}
