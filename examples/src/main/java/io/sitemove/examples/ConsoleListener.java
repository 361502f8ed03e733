package io.sitemove.examples;

import io.sitemove.event.DnsSwitched;
import io.sitemove.event.GateReached;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.PhaseFailed;
import io.sitemove.event.PhaseFinished;
import io.sitemove.event.PhaseStarted;
import io.sitemove.event.Progress;
import io.sitemove.event.SyncTimed;
import io.sitemove.event.VerificationFailed;
import java.io.PrintStream;

/** Prints a migration's events, one line each; progress at most every half second per step. */
public final class ConsoleListener implements MigrationListener {
    private final PrintStream out;
    private long lastProgress;

    public ConsoleListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void phaseStarted(PhaseStarted e) {
        out.printf("== %s %s%n", e.phase(), e.resumed() ? "(resumed)" : "");
    }

    @Override
    public void phaseFinished(PhaseFinished e) {
        out.printf("   %s done in %d ms%n", e.phase(), e.duration().toMillis());
    }

    @Override
    public void phaseFailed(PhaseFailed e) {
        out.printf("!! %s failed at '%s': %s%n", e.phase(), e.step(), e.failure().getMessage());
    }

    @Override
    public void gateReached(GateReached e) {
        out.printf("   waiting at gate %s%n", e.gate());
    }

    @Override
    public synchronized void progress(Progress p) {
        long now = System.nanoTime();
        if (now - lastProgress < 500_000_000L) {
            return;
        }
        lastProgress = now;
        out.printf("   %s: %d files, %d rows, %d bytes%s%n", p.step(), p.done().files(), p.done().rows(), p.done().bytes(),
                p.eta().map(d -> ", ETA " + d.toSeconds() + " s").orElse(""));
    }

    @Override
    public void syncTimed(SyncTimed e) {
        out.printf("   %s %s %s: %d files, %d rows, %d bytes, %d deleted in %d ms%n", e.syncer(), e.mode(), e.direction(),
                e.result().moved().files(), e.result().moved().rows(), e.result().moved().bytes(), e.result().deleted(),
                e.result().duration().toMillis());
    }

    @Override
    public void verificationFailed(VerificationFailed e) {
        out.printf("!! verification %s failed: %s %s%n", e.verification().verifier(), e.verification().summary(),
                e.verification().findings().stream().map(io.sitemove.spi.Finding::toText).toList());
    }

    @Override
    public void dnsSwitched(DnsSwitched e) {
        out.printf("   DNS %s: %s (serial %d)%n", e.purpose(), e.change().describe(), e.serial());
    }
}
