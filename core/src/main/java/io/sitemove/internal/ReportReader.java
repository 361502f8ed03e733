package io.sitemove.internal;

import io.sitemove.Counts;
import io.sitemove.MigrationReport;
import io.sitemove.MigrationStatus;
import io.sitemove.Phase;
import io.sitemove.PhaseReport;
import io.sitemove.spi.JournalEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Builds a migration's report from its journal. */
final class ReportReader {
    private ReportReader() {
    }

    /** A cutover's sync details (" [sourceLock=..., strategy=...]"), so the report says how the source was held. */
    private static String details(JournalEntry e) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(e.data()).forEach((k, v) -> {
            if (k.startsWith("detail.")) {
                sb.append(sb.length() == 0 ? " [" : ", ").append(k.substring(7)).append('=').append(v);
            }
        });
        return sb.length() == 0 ? "" : sb.append(']').toString();
    }

    static MigrationReport report(String site, JournalState s, MigrationStatus status, Clock clock) {
        List<PhaseReport> phases = new ArrayList<>();
        for (Phase p : Phase.values()) {
            Optional<JournalEntry> start = s.first(EntryKind.PHASE_STARTED, p);
            if (start.isEmpty()) {
                continue;
            }
            Optional<JournalEntry> done = s.first(EntryKind.PHASE_DONE, p);
            Duration took = Duration.between(start.get().at(), done.map(JournalEntry::at).orElse(clock.instant()));
            Counts moved = Counts.ZERO;
            long deleted = 0;
            int syncs = 0;
            List<String> verifications = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (JournalEntry e : s.stepsDone()) {
                if (e.phase() != p) {
                    continue;
                }
                if (e.data().containsKey(StepData.SYNCER)) {
                    moved = moved.plus(StepData.counts(e.data()));
                    deleted += StepData.number(e.data(), StepData.DELETED);
                    syncs++;
                    notes.add(e.step() + ": " + StepData.number(e.data(), StepData.CHANGES) + " change(s) in "
                            + StepData.number(e.data(), StepData.DURATION_MS) + " ms" + (p == Phase.FINAL_SYNC ? details(e) : ""));
                }
                new TreeMap<>(e.data()).forEach((k, v) -> {
                    if (k.startsWith("v.")) {
                        verifications.add(v);
                    }
                });
                Optional.ofNullable(e.data().get("note")).ifPresent(notes::add);
                Optional.ofNullable(e.data().get(StepData.LOCATION)).ifPresent(l -> notes.add("backup: " + l));
            }
            phases.add(new PhaseReport(p, done.isPresent(), took, moved, deleted, syncs, verifications, notes));
        }
        Optional<Duration> estimate = s.step(Phase.FINAL_SYNC, StepNames.MAINTENANCE_ON)
                .map(e -> e.data().get(StepData.ESTIMATE_MS)).map(v -> Duration.ofMillis(Long.parseLong(v)));
        Optional<JournalEntry> cut = s.first(EntryKind.PHASE_DONE, Phase.FINAL_SYNC);
        Optional<Duration> actual = cut.map(e -> Duration.ofMillis(StepData.number(e.data(), "finalSyncMs")));
        Optional<Duration> downtime = cut.map(e -> Duration.ofMillis(StepData.number(e.data(), StepData.DOWNTIME_MS)));
        return new MigrationReport(site, status, phases, estimate, actual, downtime);
    }
}
