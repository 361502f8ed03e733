package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;

/**
 * The receiving server refused the temporary key of a direct transfer (its sshd does not read the
 * authorized_keys file the key went into, or forbids forced commands); nothing was transferred.
 */
public final class DirectRefusedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public DirectRefusedException(String message) {
        super(message, null, false);
    }
}
