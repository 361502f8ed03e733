package io.sitemove.dns;

import io.sitemove.MigrationException;

/**
 * A DNS server could not be asked, or answered in a way that cannot be trusted. Its message names
 * the server, the zone or record and what to do; it never carries a TSIG secret.
 */
public class DnsException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public DnsException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause, transientFailure);
    }
}
