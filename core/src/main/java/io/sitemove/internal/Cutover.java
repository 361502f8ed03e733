package io.sitemove.internal;

import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.event.RollbackFinished;
import io.sitemove.event.RollbackStarted;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.Syncer;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The final sync with the source read-only, and the rollback that undoes it. */
final class Cutover {
    private static final Logger log = LoggerFactory.getLogger(Cutover.class);

    private final MigrationPlan plan;
    private final StepRunner steps;
    private final Work work;
    private final Optional<DnsMoves> dns;

    Cutover(MigrationPlan plan, StepRunner steps, Work work, Optional<DnsMoves> dns) {
        this.plan = plan;
        this.steps = steps;
        this.work = work;
        this.dns = dns;
    }

    /**
     * Backup, maintenance on the source, the final sync of every syncer, the fast verification, the DNS
     * switch and its propagation; the read-only window is measured from maintenance on to the end.
     */
    void run(Optional<Duration> estimate) {
        Phase phase = Phase.FINAL_SYNC;
        plan.backup().ifPresent(b -> steps.step(phase, StepNames.BACKUP, () -> new EntryData.BackedUp(b.backup(
                new Contexts.Backup(work.base(), steps.reporter(phase, StepNames.BACKUP, steps.clock().instant()))))));
        EntryData.MaintenanceOn on = steps.step(phase, StepNames.MAINTENANCE_ON, EntryData.MaintenanceOn.class,
                () -> work.maintenanceOn(phase, Side.SOURCE, estimate));
        Duration finalSyncs = Duration.ZERO;
        for (Syncer s : plan.syncers()) {
            finalSyncs = finalSyncs.plus(work.syncStep(phase, StepNames.finalSync(s.name()), s, SyncMode.FINAL,
                    Direction.FORWARD).result().duration());
        }
        steps.step(phase, StepNames.VERIFY, () -> Work.verified(work.verify(phase, VerifyStage.CUTOVER, true), ""));
        dns.ifPresent(d -> d.switchAndPropagate(phase));
        Duration downtime = Duration.between(on.at(), steps.clock().instant());
        steps.completePhase(phase, new EntryData.CutoverDone(downtime, finalSyncs));
    }

    /**
     * Puts the old server back in charge: maintenance on the new server and a reverse sync (so what was
     * written there after the cutover is kept), when visitors may have reached it; the DNS records
     * reverted exactly; maintenance off on the old server.
     */
    void rollback() {
        Phase phase = Phase.POST_MIGRATION;
        steps.guarded(phase, () -> {
            boolean trafficMoved = dns.map(DnsMoves::trafficMoved).orElse(steps.state().completed(Phase.FINAL_SYNC));
            Instant started = steps.clock().instant();
            if (!steps.state().rollbackStarted()) {
                steps.append(EntryKind.ROLLBACK_STARTED, phase, "rollback", new EntryData.Note(trafficMoved
                        ? "traffic may have reached " + plan.target().name() + ": syncing back first"
                        : "traffic never left " + plan.source().name()));
            }
            steps.listeners().fire(l -> l.rollbackStarted(new RollbackStarted(steps.site(), phase, started, trafficMoved)));
            if (trafficMoved) {
                steps.step(phase, StepNames.ROLLBACK_MAINTENANCE_TARGET,
                        () -> work.maintenanceOn(phase, Side.TARGET, Optional.empty()));
                for (Syncer s : plan.syncers()) {
                    work.syncStep(phase, StepNames.reverse(s.name()), s, SyncMode.DELTA, Direction.REVERSE);
                }
            }
            dns.ifPresent(d -> d.revert(phase));
            steps.step(phase, StepNames.ROLLBACK_MAINTENANCE_SOURCE, () -> work.maintenanceOff(phase, Side.SOURCE));
            steps.append(EntryKind.ROLLBACK_DONE, phase, "rollback", EntryData.None.INSTANCE);
            log.info("site {}: rolled back; {} serves the site again", steps.site(), plan.source());
            Duration took = Duration.between(started, steps.clock().instant());
            steps.listeners().fire(l -> l.rollbackFinished(new RollbackFinished(steps.site(), phase,
                    steps.clock().instant(), took)));
        });
    }
}
