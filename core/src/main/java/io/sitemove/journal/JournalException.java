package io.sitemove.journal;

import io.sitemove.MigrationException;

/** The journal could not be read or written; the migration stops where it is, safely. */
public class JournalException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
