package io.sitemove.remote.ssh;

import io.sitemove.MigrationException;

/**
 * A server offered a host key that its known_hosts file does not vouch for: the host is unknown, or
 * its key has changed. Permanent: someone must confirm the key before the migration may go on.
 */
public final class HostKeyException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String fingerprint;

    /** Creates the exception; {@code fingerprint} is the offered key's {@code SHA256:...} fingerprint. */
    public HostKeyException(String message, String fingerprint, Throwable cause) {
        super(message, cause, false);
        this.fingerprint = fingerprint;
    }

    /** The offered key's fingerprint, {@code SHA256:...}. */
    public String fingerprint() {
        return fingerprint;
    }
}
