package io.sitemove.bench;

import io.sitemove.testkit.Testkit;
import java.nio.file.Path;

/**
 * What a suite is given: the servers, a work directory, the size setting and where to report.
 *
 * @param kit the testkit's servers (ssh and MariaDB), shared by the suites of one run
 * @param workDir a directory for the suite's own files
 * @param quick true for a run of a few minutes, false for the full sizes quoted in notes
 * @param out where results go
 */
public record BenchContext(Testkit kit, Path workDir, boolean quick, BenchOut out) {
}
