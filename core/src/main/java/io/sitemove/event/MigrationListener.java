package io.sitemove.event;

/**
 * Receives a migration's events. Every method has an empty default, so a listener implements only
 * what it needs. Called on the migration's thread: return quickly. A listener that throws is logged
 * and ignored.
 *
 * <pre>{@code
 * MigrationListener printer = new MigrationListener() {
 *     public void phaseStarted(PhaseStarted e) { System.out.println("-> " + e.phase()); }
 *     public void progress(Progress p) { bar.update(p.fraction().orElse(0.0)); }
 * };
 * }</pre>
 */
public interface MigrationListener {
    default void phaseStarted(PhaseStarted event) {
    }

    default void phaseFinished(PhaseFinished event) {
    }

    default void phaseFailed(PhaseFailed event) {
    }

    default void stepFinished(StepFinished event) {
    }

    default void gateReached(GateReached event) {
    }

    default void progress(Progress event) {
    }

    default void syncTimed(SyncTimed event) {
    }

    default void verificationFailed(VerificationFailed event) {
    }

    default void dnsSwitched(DnsSwitched event) {
    }
}
