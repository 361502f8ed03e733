package io.sitemove;

import io.sitemove.internal.Engine;
import io.sitemove.spi.Verification;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * One site's migration, running or resumed. Its state lives in the plan's journal: open it again
 * after a crash, a restart or a pause of days and it continues from the last completed step.
 * Methods are synchronized; one process at a time should drive a site.
 *
 * <pre>{@code
 * Migration m = Migration.open(plan);
 * m.runTo(Phase.FUNCTIONAL_TESTING);        // preflight, initial sync, verifiers; stops at the gate
 * m.approve(Gate.FUNCTIONAL_TESTING);       // the customer says the new site works
 * m.runTo(Phase.OPTIMIZATION);
 * m.approve(Gate.OPTIMIZATION);             // the operator has tuned the target
 * m.incrementalSync();                      // as often as wanted; each one is timed
 * m.runTo(Phase.MORATORIUM);                // lowers the DNS TTL
 * m.cutover();                              // after the old TTL expired: read-only, final sync, DNS switch
 * m.runTo(Phase.POST_MIGRATION);            // watch window, TTL restore, cleanup (or m.rollback())
 * System.out.println(m.report().render());
 * }</pre>
 */
public final class Migration {
    private final MigrationPlan plan;
    private final Engine engine;

    private Migration(MigrationPlan plan, Clock clock) {
        this.plan = plan;
        this.engine = new Engine(plan, clock);
    }

    /** Opens the site's migration: a new one if its journal is empty, else resumed from where the journal says. */
    public static Migration open(MigrationPlan plan) {
        return new Migration(Objects.requireNonNull(plan, "plan cannot be null"), Clock.systemUTC());
    }

    /** The plan. */
    public MigrationPlan plan() {
        return plan;
    }

    /**
     * Runs every phase not yet completed up to and including {@code phase}, stopping early at a gate
     * that is not approved. Runs the first incremental sync when it passes INCREMENTAL_SYNC and the
     * cutover when it passes FINAL_SYNC.
     *
     * @throws MigrationException when a phase fails; the journal says where, and calling again continues there
     */
    public synchronized MigrationStatus runTo(Phase phase) {
        return engine.runTo(Objects.requireNonNull(phase, "phase cannot be null"));
    }

    /** Approves a gate the run has reached, completing its phase. Approving twice does nothing. */
    public synchronized MigrationStatus approve(Gate gate) {
        return engine.approve(Objects.requireNonNull(gate, "gate cannot be null"));
    }

    /** Runs one incremental (delta) sync of every syncer; allowed from the optimization gate's approval to the cutover. */
    public synchronized SyncRound incrementalSync() {
        return engine.incrementalSync();
    }

    /** Runs the functional verifiers again, e.g. after tuning the target; reports, never throws on a difference. */
    public synchronized List<Verification> verify() {
        return engine.verify();
    }

    /**
     * The cutover (FINAL_SYNC): backup, source read-only and checked, last delta, fast verification,
     * DNS switch by compare-and-swap, propagation check. Needs every earlier phase completed.
     *
     * @throws PhaseOrderException naming the first earlier phase not completed
     * @throws CutoverTooEarlyException when the old TTL has not expired since it was lowered
     */
    public synchronized MigrationStatus cutover() {
        return engine.cutover();
    }

    /**
     * Rolls a cutover back: target read-only, reverse delta (target to source, so writes made after
     * the cutover are kept), DNS reverted exactly, source out of maintenance.
     */
    public synchronized MigrationStatus rollback() {
        return engine.rollback();
    }

    /** Where the migration stands. */
    public synchronized MigrationStatus status() {
        return engine.status();
    }

    /** What the migration did so far, phase by phase. */
    public synchronized MigrationReport report() {
        return engine.report();
    }
}
