package io.sitemove.fakes;

import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A verifier whose verdict a test sets. */
public final class ScriptedVerifier implements Verifier {
    private volatile boolean pass = true;
    private final List<VerifyStage> runs = new ArrayList<>();

    public ScriptedVerifier passing(boolean passing) {
        this.pass = passing;
        return this;
    }

    public synchronized List<VerifyStage> runs() {
        return List.copyOf(runs);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized Verification verify(VerifyContext ctx) {
        runs.add(ctx.stage());
        return pass ? Verification.pass(name(), "all good", Duration.ZERO)
                : Verification.fail(name(), "1 difference", List.of("differs: index.php"), Duration.ZERO);
    }
}
