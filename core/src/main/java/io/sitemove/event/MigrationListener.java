package io.sitemove.event;

/**
 * Receives a migration's events. Every method has an empty default, so a listener implements only
 * what it needs. Called on the migration's thread: return quickly. A listener that throws is logged
 * and ignored.
 *
 * <p>Order: for each phase a run enters, {@code phaseStarted} first; then, for each step,
 * {@code progress} (any number), {@code syncTimed} (a sync step), {@code verificationFailed} (each failed
 * verifier), {@code dnsSwitched} (each DNS change), and {@code stepFinished} once the step is journaled;
 * then {@code gateReached} when the phase waits at a gate, and {@code phaseFinished} when it completes,
 * or {@code phaseFailed} when a step failed (after the engine's last attempt). A step skipped because the
 * journal says it is done fires nothing. A rollback fires {@code rollbackStarted}, then its steps' events,
 * then {@code rollbackFinished}, or {@code phaseFailed} when it stops.
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

    default void rollbackStarted(RollbackStarted event) {
    }

    default void rollbackFinished(RollbackFinished event) {
    }
}
