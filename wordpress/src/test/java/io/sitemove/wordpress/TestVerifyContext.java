package io.sitemove.wordpress;

import io.sitemove.Server;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;

/** A verify context for calling verifiers directly in tests, with the testkit's servers. */
record TestVerifyContext(String site, Server source, Server target, VerifyStage stage) implements VerifyContext {
    @Override
    public ProgressReporter progress() {
        return (done, total) -> { };
    }
}
