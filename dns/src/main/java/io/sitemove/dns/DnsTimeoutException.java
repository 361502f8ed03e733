package io.sitemove.dns;

/** A DNS server did not answer in time, or the connection failed; trying again may succeed. */
public class DnsTimeoutException extends DnsException {
    private static final long serialVersionUID = 1L;

    public DnsTimeoutException(String message, Throwable cause) {
        super(message, cause, true);
    }
}
