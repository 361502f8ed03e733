package io.sitemove.journal;

import io.sitemove.MigrationException;

/** The journal could not be read or written; the migration stops where it is, safely. */
public class JournalException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause, false);
    }

    /** The journal file cannot be read: damaged, out of order, or not a journal. */
    static JournalException unreadable(java.nio.file.Path file, Exception cause) {
        return new JournalException("journal " + file + " cannot be read: " + cause.getMessage()
                + "; restore it from a backup or move it away to start the migration anew", cause);
    }

    /** The journal was there when the run read it and is gone now. */
    static JournalException vanished(java.nio.file.Path file, String site, long had) {
        return new JournalException("journal " + file + " of '" + site + "' vanished: it held " + had + " entries when"
                + " this run read it; restore it from a backup (nothing was written), or move the site's files away to"
                + " start the migration anew", null);
    }

    /** An append whose sequence number is not the next one. */
    static JournalException outOfSequence(Object where, String site, long last, long appended) {
        return new JournalException("journal " + where + " is at entry " + last + " but entry " + appended
                + " was appended: is another process running the migration of '" + site + "'?", null);
    }
}
