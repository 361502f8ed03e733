package io.sitemove.internal;

import io.sitemove.Counts;
import io.sitemove.MigrationReport;
import io.sitemove.MigrationStatus;
import io.sitemove.Phase;
import io.sitemove.PhaseReport;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.Finding;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.Verification;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a migration's report from its journal. */
final class ReportReader {
    private ReportReader() {
    }

    static MigrationReport report(String site, JournalState s, MigrationStatus status, Clock clock) {
        List<PhaseReport> phases = new ArrayList<>();
        for (Phase p : Phase.values()) {
            s.first(EntryKind.PHASE_STARTED, p).ifPresent(start -> phases.add(phase(s, p, start, clock)));
        }
        Optional<Duration> estimate = s.stepData(Phase.FINAL_SYNC, StepNames.MAINTENANCE_ON, EntryData.MaintenanceOn.class)
                .flatMap(EntryData.MaintenanceOn::estimated);
        Optional<EntryData.CutoverDone> cut = s.first(EntryKind.PHASE_DONE, Phase.FINAL_SYNC)
                .flatMap(e -> e.data(EntryData.CutoverDone.class));
        return new MigrationReport(site, status, phases, estimate, cut.map(EntryData.CutoverDone::finalSync),
                cut.map(EntryData.CutoverDone::downtime));
    }

    private static PhaseReport phase(JournalState s, Phase p, JournalEntry start, Clock clock) {
        Optional<JournalEntry> done = s.first(EntryKind.PHASE_DONE, p);
        Duration took = Duration.between(start.at(), done.map(JournalEntry::at).orElse(clock.instant()));
        Counts moved = Counts.ZERO;
        long deleted = 0;
        int syncs = 0;
        List<String> verifications = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (JournalEntry e : s.stepsDone()) {
            if (e.phase() != p) {
                continue;
            }
            if (e.data() instanceof EntryData.Synced sync) {
                moved = moved.plus(sync.result().moved());
                deleted += sync.result().deleted();
                syncs++;
                notes.add(syncLine(e.step(), sync, p == Phase.FINAL_SYNC));
            } else if (e.data() instanceof EntryData.Verified v) {
                v.results().forEach(r -> verifications.add(line(r)));
                v.results().forEach(r -> findings.addAll(r.findings()));
            }
            e.data().note().ifPresent(notes::add);
        }
        findings.addAll(stoppedAt(s, p, done.isPresent()));
        return new PhaseReport(p, done.isPresent(), took, moved, deleted, syncs, verifications, notes, findings);
    }

    /** The blocking findings of the failure a phase stopped at, unless it completed or started again since. */
    private static List<Finding> stoppedAt(JournalState s, Phase p, boolean completed) {
        Optional<JournalEntry> failed = s.last(EntryKind.PHASE_FAILED, p);
        long lastStart = s.last(EntryKind.PHASE_STARTED, p).map(JournalEntry::seq).orElse(0L);
        if (completed || failed.isEmpty() || failed.get().seq() < lastStart) {
            return List.of();
        }
        return failed.get().data(EntryData.Failed.class).map(EntryData.Failed::findings).orElse(List.of());
    }

    /** A sync's line; a cutover's says what its details are, so the report tells how the source was held. */
    private static String syncLine(String step, EntryData.Synced sync, boolean withDetails) {
        String summary = withDetails ? sync.result().details().summary() : "";
        return step + ": " + sync.result().changes() + " change(s) in " + sync.result().duration().toMillis() + " ms"
                + (summary.isEmpty() ? "" : " [" + summary + "]");
    }

    static String line(Verification v) {
        return v.verifier() + ": " + (v.passed() ? "PASSED " : "FAILED ") + v.summary();
    }
}
