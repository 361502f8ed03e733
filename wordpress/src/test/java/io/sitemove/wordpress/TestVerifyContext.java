package io.sitemove.wordpress;

import io.sitemove.Server;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.util.List;

/** A verify context for calling verifiers directly in tests, with the testkit's servers and the syncs given. */
record TestVerifyContext(String site, Server source, Server target, VerifyStage stage, List<EntryData.Synced> syncs)
        implements VerifyContext, PreflightContext {
    TestVerifyContext(String site, Server source, Server target, VerifyStage stage) {
        this(site, source, target, stage, List.of());
    }

    @Override
    public ProgressReporter progress() {
        return (done, total) -> { };
    }
}
