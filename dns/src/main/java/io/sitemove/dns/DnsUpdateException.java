package io.sitemove.dns;

import org.xbill.DNS.Rcode;

/**
 * The server refused a dynamic update: its response code, and the TSIG error when the key was
 * rejected. Nothing was changed. A refusal because the records were no longer what the change
 * expected (a failed prerequisite) is an {@link io.sitemove.DnsConflictException} instead.
 */
public class DnsUpdateException extends DnsException {
    private static final long serialVersionUID = 1L;

    private final int rcode;
    private final int tsigError;

    /**
     * @param rcode the DNS response code
     * @param tsigError the TSIG error code (BADSIG 16, BADKEY 17, BADTIME 18), or 0
     */
    public DnsUpdateException(String message, int rcode, int tsigError, boolean transientFailure) {
        super(message, null, transientFailure);
        this.rcode = rcode;
        this.tsigError = tsigError;
    }

    /** The DNS response code (NOTAUTH 9, REFUSED 5, SERVFAIL 2). */
    public int rcode() {
        return rcode;
    }

    /** The response code's name ("REFUSED"). */
    public String rcodeName() {
        return Rcode.string(rcode);
    }

    /** The TSIG error code, 0 when the key was accepted. */
    public int tsigError() {
        return tsigError;
    }
}
