package io.sitemove;

import io.sitemove.spi.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a migration did, phase by phase, read from its journal (so it is whole after a resume).
 *
 * @param site the site
 * @param status where it stands
 * @param phases one report per phase started
 * @param estimatedFinalSync the final sync's estimate as it stood when the cutover began
 * @param actualFinalSync how long the final syncs took
 * @param downtime from the source going read-only to the new records propagated
 */
public record MigrationReport(String site, MigrationStatus status, List<PhaseReport> phases,
        Optional<Duration> estimatedFinalSync, Optional<Duration> actualFinalSync, Optional<Duration> downtime) {
    public MigrationReport {
        phases = List.copyOf(phases);
    }

    /** A plain-text rendering, one line per phase and a summary. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Migration report for ").append(site).append(": ").append(status.state()).append('\n');
        for (PhaseReport p : phases) {
            sb.append(String.format("  %-18s %-9s %9s  moved %s files, %s rows, %s; deleted %d%n", p.phase(),
                    p.completed() ? "done" : "not done", seconds(p.duration()), p.moved().files(), p.moved().rows(),
                    bytes(p.moved().bytes()), p.deleted()));
            p.verifications().forEach(v -> sb.append("      verify ").append(v).append('\n'));
            p.findings().forEach(f -> sb.append("      finding ").append(f.toText()).append('\n'));
            p.notes().forEach(n -> sb.append("      ").append(n).append('\n'));
        }
        estimatedFinalSync.ifPresent(d -> sb.append("  final sync estimated: ").append(seconds(d)).append('\n'));
        actualFinalSync.ifPresent(d -> sb.append("  final sync actual:    ").append(seconds(d)).append('\n'));
        downtime.ifPresent(d -> sb.append("  downtime (read-only to propagated): ").append(seconds(d)).append('\n'));
        return sb.toString();
    }

    /** The findings of every phase, in phase order. */
    public List<Finding> findings() {
        return phases.stream().flatMap(p -> p.findings().stream()).toList();
    }

    /**
     * The whole report as one JSON object for a panel: {@code site}, {@code state}, {@code phases} (each
     * with its counts, lines and {@code findings}), and the final sync's and downtime's milliseconds when known.
     */
    public String toJson() {
        return io.sitemove.internal.ReportJson.of(this);
    }

    /** The findings of every phase as a JSON array (see {@link Finding#toJson(List)}). */
    public String findingsJson() {
        return Finding.toJson(findings());
    }

    private static String seconds(Duration d) {
        return String.format("%.3f s", d.toMillis() / 1000.0);
    }

    private static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format("%.1f KiB", b / 1024.0);
        }
        return String.format("%.1f MiB", b / (1024.0 * 1024));
    }
}
