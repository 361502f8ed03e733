package io.sitemove.dns;

import org.xbill.DNS.Rcode;

/**
 * A dynamic update was refused: by the server (its response code, and the TSIG error when the key
 * was rejected) or before it was sent, because the records were no longer what the change expected.
 * In every case nothing was changed.
 */
public class DnsUpdateException extends DnsException {
    private static final long serialVersionUID = 1L;

    /** The response code of an update refused before it was sent. */
    public static final int NOT_SENT = -1;

    private final int rcode;
    private final int tsigError;

    /**
     * @param rcode the DNS response code, or {@link #NOT_SENT}
     * @param tsigError the TSIG error code (BADSIG 16, BADKEY 17, BADTIME 18), or 0
     */
    public DnsUpdateException(String message, int rcode, int tsigError, boolean transientFailure) {
        super(message, null, transientFailure);
        this.rcode = rcode;
        this.tsigError = tsigError;
    }

    /** The DNS response code (NXRRSET is 8, NOTAUTH 9, REFUSED 5), or {@link #NOT_SENT}. */
    public int rcode() {
        return rcode;
    }

    /** The response code's name ("NXRRSET"), or "NOT_SENT". */
    public String rcodeName() {
        return rcode == NOT_SENT ? "NOT_SENT" : Rcode.string(rcode);
    }

    /** The TSIG error code, 0 when the key was accepted. */
    public int tsigError() {
        return tsigError;
    }

    /** True when the records had changed since they were read (the compare-and-swap failed). */
    public boolean isCompareAndSwapFailure() {
        return rcode == NOT_SENT || rcode == Rcode.NXRRSET || rcode == Rcode.YXRRSET
                || rcode == Rcode.NXDOMAIN || rcode == Rcode.YXDOMAIN;
    }
}
