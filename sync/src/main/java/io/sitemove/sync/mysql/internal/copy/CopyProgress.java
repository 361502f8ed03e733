package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.Counts;
import io.sitemove.spi.ProgressReporter;

/** Adds up the rows and bytes that land from every worker, and reports them against the rows expected. */
public final class CopyProgress implements ChunkLoader.Progress {
    private final ProgressReporter reporter;
    private long rowsDone;
    private long bytesDone;
    private long rowEstimate;

    public CopyProgress(ProgressReporter reporter) {
        this.reporter = reporter;
    }

    /** Adds rows the copy will carry (a table's estimate). */
    public synchronized void expect(long rows) {
        rowEstimate += rows;
    }

    @Override
    public synchronized void landed(long rows, long bytes) {
        rowsDone += rows;
        bytesDone += bytes;
        reporter.report(Counts.rows(rowsDone, bytesDone), Counts.rows(Math.max(rowEstimate, rowsDone), 0));
    }
}
