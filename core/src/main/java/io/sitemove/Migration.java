package io.sitemove;

import io.sitemove.internal.Engine;
import io.sitemove.spi.Verification;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One site's migration, running or resumed. Its state lives in the plan's journal: open it again
 * after a crash, a restart or a pause of days and it continues from the last completed step.
 * Methods are synchronized. One runner per site: each operation takes the site's journal lease when it
 * starts (and reads the journal afresh), checks it before every step and releases it when it ends; a
 * second runner, in this process or another, is refused at once with a
 * {@link io.sitemove.journal.LeaseHeldException} naming the holder.
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
    private final Clock clock;
    private boolean takeOver;

    private Migration(MigrationPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
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
     * Makes the next operation take the site's lease over from a runner that holds it but is known to be
     * dead (a journal whose leases end with their process still refuses a live one). Use with care: two
     * live runners of one site corrupt nothing in the journal, but run the same steps twice.
     */
    public synchronized Migration takeOverLease() {
        takeOver = true;
        return this;
    }

    private <T> T leased(Function<Engine, T> operation) {
        LeaseHolder holder = LeaseHolder.thisProcess("sitemove thread " + Thread.currentThread().getName(), clock.instant());
        JournalLease lease;
        try {
            lease = plan.journal().lease(plan.site(), holder, takeOver);
        } catch (MigrationException e) {
            throw e.in(plan.site(), null, null);
        }
        try (lease) {
            takeOver = false;
            return operation.apply(new Engine(plan, clock, lease));
        }
    }

    /**
     * Runs every phase not yet completed up to and including {@code phase}, stopping early at a gate
     * that is not approved. Runs the first incremental sync when it passes INCREMENTAL_SYNC and the
     * cutover when it passes FINAL_SYNC.
     *
     * @throws MigrationException when a phase fails; the journal says where, and calling again continues there
     */
    public synchronized MigrationStatus runTo(Phase phase) {
        Objects.requireNonNull(phase, "phase cannot be null");
        return leased(e -> e.runTo(phase));
    }

    /** Approves a gate the run has reached, completing its phase. Approving twice does nothing. */
    public synchronized MigrationStatus approve(Gate gate) {
        Objects.requireNonNull(gate, "gate cannot be null");
        return leased(e -> e.approve(gate));
    }

    /** Runs one incremental (delta) sync of every syncer; allowed from the optimization gate's approval to the cutover. */
    public synchronized SyncRound incrementalSync() {
        return leased(Engine::incrementalSync);
    }

    /** Runs the functional verifiers again, e.g. after tuning the target; reports, never throws on a difference. */
    public synchronized List<Verification> verify() {
        return leased(Engine::verify);
    }

    /**
     * The cutover (FINAL_SYNC): backup, source read-only and checked, last delta, fast verification,
     * DNS switch by compare-and-swap, propagation check. Needs every earlier phase completed.
     *
     * @throws PhaseOrderException naming the first earlier phase not completed
     * @throws CutoverTooEarlyException when the old TTL has not expired since it was lowered
     */
    public synchronized MigrationStatus cutover() {
        return leased(Engine::cutover);
    }

    /**
     * Rolls a cutover back: target read-only, reverse delta (target to source, so writes made after
     * the cutover are kept), DNS reverted exactly, source out of maintenance.
     */
    public synchronized MigrationStatus rollback() {
        return leased(Engine::rollback);
    }

    /** Where the migration stands. */
    public synchronized MigrationStatus status() {
        return new Engine(plan, clock, null).status();
    }

    /** What the migration did so far, phase by phase. */
    public synchronized MigrationReport report() {
        return new Engine(plan, clock, null).report();
    }
}
