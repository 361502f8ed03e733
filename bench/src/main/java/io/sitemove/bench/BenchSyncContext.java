package io.sitemove.bench;

import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The context a syncer runs with in the benchmarks: forward, no retries (a failure ends the run),
 * progress ignored.
 *
 * @param source the old server
 * @param target the new server
 * @param mode FULL or DELTA
 * @param cursor where a delta starts
 */
public record BenchSyncContext(Server source, Server target, SyncMode mode, Optional<String> cursor) implements SyncContext {
    private static final Server NO_SSH_OLD = Server.builder("old").host("127.0.0.2").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();
    private static final Server NO_SSH_NEW = Server.builder("new").host("127.0.0.3").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();

    /** A sync between two SSH servers, without a cursor. */
    public static BenchSyncContext of(Server source, Server target, SyncMode mode) {
        return new BenchSyncContext(source, target, mode, Optional.empty());
    }

    /** A database sync, which needs no SSH servers; an empty cursor means none. */
    public static BenchSyncContext database(SyncMode mode, String cursor) {
        return new BenchSyncContext(NO_SSH_OLD, NO_SSH_NEW, mode, Optional.ofNullable(cursor).filter(c -> !c.isEmpty()));
    }

    @Override
    public String site() {
        return "bench";
    }


    @Override
    public Direction direction() {
        return Direction.FORWARD;
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> { };
    }
}
