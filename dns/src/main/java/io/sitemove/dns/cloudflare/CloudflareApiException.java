package io.sitemove.dns.cloudflare;

import io.sitemove.dns.DnsException;
import java.util.Arrays;
import java.util.List;

/**
 * Cloudflare's API refused or failed a call: its HTTP status and the codes of its {@code errors}. The
 * message names the zone, the call and what to do; it never carries the API token.
 */
public class CloudflareApiException extends DnsException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int[] errorCodes;

    /**
     * @param httpStatus the HTTP status of the answer
     * @param errorCodes the {@code code} of each of Cloudflare's {@code errors}, in order
     */
    public CloudflareApiException(String message, int httpStatus, List<Integer> errorCodes, boolean transientFailure) {
        super(message, null, transientFailure);
        this.httpStatus = httpStatus;
        this.errorCodes = errorCodes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The HTTP status of Cloudflare's answer (429, 500, 403, ...). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Cloudflare's error codes (9109, 81057, ...), empty when the answer had none. */
    public List<Integer> errorCodes() {
        return Arrays.stream(errorCodes).boxed().toList();
    }

    /** True when Cloudflare refused the API token (HTTP 401 or 403, or an authentication error code). */
    public boolean isAuthenticationFailure() {
        return httpStatus == 401 || httpStatus == 403 || Arrays.stream(errorCodes).anyMatch(CloudflareApiException::isAuthenticationCode);
    }

    /** True for Cloudflare's codes of a refused credential: 9103, 9106, 9109 and 10000. */
    public static boolean isAuthenticationCode(int code) {
        return code == 9103 || code == 9106 || code == 9109 || code == 10000;
    }
}
