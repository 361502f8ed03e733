package io.sitemove.verify;

import io.sitemove.Server;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.MySqlSyncer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs real syncs and keeps them as the journal would, for verify contexts that know the syncs. */
final class SyncHistory {
    private static final Server OLD = TestServers.unused("old", "127.0.0.2");
    private static final Server NEW = TestServers.unused("new", "127.0.0.3");

    private final MySqlSyncer syncer;
    private final List<EntryData.Synced> syncs = new ArrayList<>();

    SyncHistory(MySqlSyncer syncer) {
        this.syncer = syncer;
    }

    /** A FULL sync, or a DELTA from the last sync's cursor; returns it. */
    SyncResult sync(SyncMode mode) {
        Optional<String> cursor = syncs.isEmpty() ? Optional.empty()
                : Optional.of(syncs.get(syncs.size() - 1).result().cursor());
        Instant started = Instant.now();
        SyncResult result = syncer.sync(new Sync(mode, cursor));
        syncs.add(new EntryData.Synced(syncer.name(), mode, Direction.FORWARD, started, result));
        return result;
    }

    /** A verify context at the stage that knows the syncs so far. */
    VerifyContext at(VerifyStage stage) {
        return new Verify(stage, List.copyOf(syncs));
    }

    private record Sync(SyncMode mode, Optional<String> cursor) implements SyncContext {
        @Override
        public String site() {
            return "site";
        }

        @Override
        public Server source() {
            return OLD;
        }

        @Override
        public Server target() {
            return NEW;
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

    private record Verify(VerifyStage stage, List<EntryData.Synced> syncs) implements VerifyContext {
        @Override
        public String site() {
            return "site";
        }

        @Override
        public Server source() {
            return OLD;
        }

        @Override
        public Server target() {
            return NEW;
        }

        @Override
        public ProgressReporter progress() {
            return (done, total) -> { };
        }
    }
}
