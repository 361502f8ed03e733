package io.sitemove.verify.internal;

import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What the verifiers that compare the source with the target item by item share: when they run, and their verdict. */
public final class Verdict {
    /**
     * FUNCTIONAL and CUTOVER: in the watch window the target takes changes of its own, so it no
     * longer equals the source.
     */
    public static final Set<VerifyStage> BEFORE_WATCH =
            Collections.unmodifiableSet(EnumSet.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER));

    private Verdict() {
    }

    /**
     * Passes when nothing differs ("3 tables identical in ..."), else fails with the findings ("1 of 3
     * tables differ in ...").
     *
     * @param items what was compared, plural ("tables", "entries")
     * @param scope where, with its preposition ("in database ...", "under /var/www on old ...")
     * @param startNanos {@link System#nanoTime()} when the verification started
     */
    public static Verification of(String verifier, int differing, long total, String items, String scope,
            Findings findings, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (differing == 0) {
            return Verification.pass(verifier, total + " " + items + " identical " + scope, took);
        }
        return Verification.of(verifier, differing + " of " + total + " " + items + " differ " + scope, findings.list(),
                took);
    }
}
