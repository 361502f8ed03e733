package io.sitemove;

import io.sitemove.spi.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What one phase did.
 *
 * @param phase the phase
 * @param completed whether it completed
 * @param duration from its first start to its completion (or to now while running), pauses at gates included
 * @param moved bytes, files and rows moved by its syncs
 * @param deleted files and rows deleted by its syncs
 * @param syncs how many syncer runs it made
 * @param verifications one line per verification run in it ("files: PASSED 312 files identical")
 * @param notes further lines (DNS changes, backup location, downtime)
 * @param findings what its verifications found: the warnings and notes of those that passed, and the
 *     blocking findings that stopped it when it stopped at a verification
 */
public record PhaseReport(Phase phase, boolean completed, Duration duration, Counts moved, long deleted, int syncs,
        List<String> verifications, List<String> notes, List<Finding> findings) {
    public PhaseReport {
        verifications = List.copyOf(verifications);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }
}
