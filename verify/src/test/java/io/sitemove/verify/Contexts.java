package io.sitemove.verify;

import io.sitemove.Counts;
import io.sitemove.Server;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.Testkit;
import java.util.ArrayList;
import java.util.List;

/** Contexts for calling verifiers directly in tests, with the testkit's servers. */
final class Contexts {
    private Contexts() {
    }

    static Ctx of(Testkit kit, VerifyStage stage) {
        return new Ctx("site", TestServers.oldServer(kit), TestServers.newServer(kit), stage, new ArrayList<>());
    }

    static Ctx withoutSsh(VerifyStage stage) {
        return new Ctx("site", Server.builder("old").host("127.0.0.2").build(),
                Server.builder("new").host("127.0.0.3").build(), stage, new ArrayList<>());
    }

    /** Both a verify and a preflight context; records what progress was reported. */
    record Ctx(String site, Server source, Server target, VerifyStage stage, List<Counts> reported)
            implements VerifyContext, PreflightContext {
        @Override
        public ProgressReporter progress() {
            return (done, total) -> reported.add(done);
        }
    }
}
