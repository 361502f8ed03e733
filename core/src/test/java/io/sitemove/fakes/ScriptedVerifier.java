package io.sitemove.fakes;

import io.sitemove.spi.Finding;
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
    private volatile List<Finding> findings;
    private final List<VerifyStage> runs = new ArrayList<>();
    private final List<VerifyContext> contexts = new ArrayList<>();

    public ScriptedVerifier passing(boolean passing) {
        this.pass = passing;
        return this;
    }

    /** From now on, the verification carries these findings (it fails if one blocks). */
    public ScriptedVerifier finding(List<Finding> found) {
        this.findings = List.copyOf(found);
        return this;
    }

    public synchronized List<VerifyStage> runs() {
        return List.copyOf(runs);
    }

    /** The contexts it was called with, in order. */
    public synchronized List<VerifyContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized Verification verify(VerifyContext ctx) {
        runs.add(ctx.stage());
        contexts.add(ctx);
        List<Finding> found = findings;
        if (found != null) {
            return Verification.of(name(), found.size() + " finding(s)", found, Duration.ZERO);
        }
        return pass ? Verification.pass(name(), "all good", Duration.ZERO)
                : Verification.of(name(), "1 difference", List.of(Finding.blocking("content", "index.php",
                        "sha256 0123 (source)", "sha256 4567", "sync the files again")), Duration.ZERO);
    }
}
