package io.sitemove.sync.files.internal;

import java.util.Locale;

/**
 * Reads a remote command's error output for the usual permanent causes and says what to do. GNU tar
 * reports a full disk as a short write ("Wrote only 8704 of 10240 bytes"), not always by name.
 */
public final class FailureHints {
    private FailureHints() {
    }

    /**
     * A sentence naming the cause and the remedy, for a message about {@code server}; a generic one when
     * the error output matches no known cause.
     */
    public static String hint(String stderr, String server) {
        String text = stderr.toLowerCase(Locale.ROOT);
        if (text.contains("no space left on device") || text.contains("disk quota exceeded")
                || text.contains(": wrote only ")) {
            return "the disk (or the SSH user's quota) on " + server + " is full: free space there, then run the"
                    + " sync again";
        }
        if (text.contains("read-only file system")) {
            return "the file system on " + server + " is mounted read-only: remount it writable, then run the sync"
                    + " again";
        }
        if (text.contains("permission denied") || text.contains("operation not permitted")) {
            return "the SSH user on " + server + " may not write there: fix the owner, the permissions or an"
                    + " immutable attribute (lsattr) of the path named above, then run the sync again";
        }
        return "check free disk and permissions on " + server + ", then try again";
    }
}
