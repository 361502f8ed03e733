package io.sitemove.verify;

import io.sitemove.Server;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.Testkit;
import java.util.List;

/** A verify context that knows which syncs completed, as the engine's does, with the testkit's servers. */
record LiveContext(String site, Server source, Server target, VerifyStage stage, List<EntryData.Synced> syncs)
        implements VerifyContext {
    LiveContext {
        syncs = List.copyOf(syncs);
    }

    static LiveContext of(Testkit kit, VerifyStage stage, EntryData.Synced... syncs) {
        return new LiveContext("site", TestServers.oldServer(kit), TestServers.newServer(kit), stage, List.of(syncs));
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> { };
    }
}
