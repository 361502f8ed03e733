package io.sitemove.sync.files.internal;

import io.sitemove.Counts;
import io.sitemove.spi.ProgressReporter;
import java.util.List;

/**
 * Turns the running byte count of a tar stream into progress reports of files and bytes, every
 * {@value #FILES_STEP} files or {@value #BYTES_STEP} bytes. Files are counted by where each entry's
 * data ends in the archive, estimated from its size.
 */
public final class TransferProgress {
    static final int FILES_STEP = 200;
    static final long BYTES_STEP = 8L * 1024 * 1024;
    private static final int BLOCK = 512;

    private final ProgressReporter reporter;
    private final long[] ends;
    private final Counts total;
    private int filesDone;
    private long reportedBytes;
    private int reportedFiles;

    public TransferProgress(ProgressReporter reporter, List<FileEntry> entries) {
        this.reporter = reporter;
        this.ends = new long[entries.size()];
        long offset = 0;
        for (int i = 0; i < entries.size(); i++) {
            FileEntry e = entries.get(i);
            int nameLength = e.path().length() + 2;
            offset += BLOCK + (nameLength > 99 ? BLOCK + roundUp(nameLength + 1) : 0);
            if (e.isFile()) {
                offset += roundUp(e.size());
            }
            ends[i] = offset;
        }
        this.total = Counts.files(entries.size(), offset + 2 * BLOCK);
    }

    private static long roundUp(long n) {
        return (n + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** Told the bytes relayed so far. */
    public void onBytes(long bytes) {
        while (filesDone < ends.length && ends[filesDone] <= bytes) {
            filesDone++;
        }
        if (filesDone - reportedFiles >= FILES_STEP || bytes - reportedBytes >= BYTES_STEP) {
            reportedFiles = filesDone;
            reportedBytes = bytes;
            reporter.report(Counts.files(filesDone, bytes), total);
        }
    }

    /** Reports the end of the transfer. */
    public void finish(long bytes) {
        reporter.report(Counts.files(ends.length, bytes), total);
    }
}
