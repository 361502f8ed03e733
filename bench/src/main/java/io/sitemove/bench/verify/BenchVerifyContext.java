package io.sitemove.bench.verify;

import io.sitemove.Server;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.nio.file.Path;
import java.util.List;

/**
 * The context a verifier runs with in the benchmarks: the stage and the syncs so far, no SSH servers,
 * progress ignored.
 *
 * @param stage when it runs
 * @param syncs the syncs completed, oldest first
 */
record BenchVerifyContext(VerifyStage stage, List<EntryData.Synced> syncs) implements VerifyContext {
    private static final Server OLD = Server.builder("old").host("127.0.0.2").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();
    private static final Server NEW = Server.builder("new").host("127.0.0.3").user("nobody")
            .knownHosts(Path.of("/nonexistent")).build();

    BenchVerifyContext {
        syncs = List.copyOf(syncs);
    }

    @Override
    public String site() {
        return "bench";
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
