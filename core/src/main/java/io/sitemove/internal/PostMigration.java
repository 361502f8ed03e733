package io.sitemove.internal;

import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.Phase;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The watch window after the cutover, the TTL restored, and the syncers' cleanup. */
final class PostMigration {
    private final MigrationPlan plan;
    private final StepRunner steps;
    private final Work work;
    private final Optional<DnsMoves> dns;

    PostMigration(MigrationPlan plan, StepRunner steps, Work work, Optional<DnsMoves> dns) {
        this.plan = plan;
        this.steps = steps;
        this.work = work;
        this.dns = dns;
    }

    void run() {
        Phase phase = Phase.POST_MIGRATION;
        steps.step(phase, StepNames.WATCH, this::watch);
        dns.ifPresent(DnsMoves::restoreTtl);
        steps.step(phase, StepNames.CLEANUP, () -> {
            plan.syncers().forEach(s -> s.cleanup(work.base()));
            return EntryData.None.INSTANCE;
        });
        steps.completePhase(phase, EntryData.None.INSTANCE);
    }

    private EntryData.Verified watch() {
        Duration window = plan.watch().window();
        Instant end = steps.clock().instant().plus(window);
        int rounds = 0;
        List<Verification> last;
        while (true) {
            last = work.verify(Phase.POST_MIGRATION, VerifyStage.WATCH, true);
            rounds++;
            Duration left = Duration.between(steps.clock().instant(), end);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            sleep(left.compareTo(plan.watch().interval()) < 0 ? left : plan.watch().interval());
        }
        return Work.verified(last, "watched " + window.toSeconds() + " s: " + rounds + " round(s) of health checks passed");
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MigrationException.permanent("interrupted during the watch window", e)
                    .in(steps.site(), Phase.POST_MIGRATION, StepNames.WATCH);
        }
    }
}
