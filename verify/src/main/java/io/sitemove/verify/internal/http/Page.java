package io.sitemove.verify.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch saw: the last response (after redirects), the chain that led there, a few headers,
 * the body (capped) and the time taken, or the failure that stopped it.
 *
 * @param uri the URL asked for
 * @param status the final status; 0 when no response came
 * @param redirects the redirects followed, in order
 * @param contentType the final {@code Content-Type}, or empty
 * @param cacheControl the final {@code Cache-Control}, or empty
 * @param cookieNames the names of the cookies the final response sets
 * @param body the first bytes of the body, at most the client's limit
 * @param bodyCut whether the body went on past the limit
 * @param elapsed the time from the first connection to the last byte read or the failure
 * @param failure what stopped the fetch, if anything did
 */
public record Page(URI uri, int status, List<Hop> redirects, String contentType, String cacheControl,
        List<String> cookieNames, byte[] body, boolean bodyCut, Duration elapsed, Optional<FetchFailure> failure) {

    /** Copies the lists and the body. */
    public Page {
        Objects.requireNonNull(uri, "uri cannot be null");
        redirects = List.copyOf(redirects);
        contentType = Objects.requireNonNull(contentType, "contentType cannot be null");
        cacheControl = Objects.requireNonNull(cacheControl, "cacheControl cannot be null");
        cookieNames = List.copyOf(cookieNames);
        body = body.clone();
        Objects.requireNonNull(elapsed, "elapsed cannot be null");
        Objects.requireNonNull(failure, "failure cannot be null");
    }

    /** A copy of the body bytes read. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether a response came and nothing stopped the fetch (any status, 500 included). */
    public boolean complete() {
        return failure.isEmpty();
    }

    /** The URL of the last response: the last redirect's target, or the URL asked for. */
    public URI finalUri() {
        return redirects.isEmpty() ? uri : redirects.get(redirects.size() - 1).location();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Page p && uri.equals(p.uri) && status == p.status && redirects.equals(p.redirects)
                && contentType.equals(p.contentType) && cacheControl.equals(p.cacheControl)
                && cookieNames.equals(p.cookieNames) && Arrays.equals(body, p.body) && bodyCut == p.bodyCut
                && elapsed.equals(p.elapsed) && failure.equals(p.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, status, redirects, Arrays.hashCode(body), failure);
    }

    @Override
    public String toString() {
        return "Page[" + uri + " status=" + status + " redirects=" + redirects + " body=" + body.length + " bytes"
                + (bodyCut ? " (cut)" : "") + " elapsed=" + elapsed.toMillis() + " ms"
                + failure.map(f -> " failure=" + f.kind() + ": " + f.words()).orElse("") + "]";
    }
}
