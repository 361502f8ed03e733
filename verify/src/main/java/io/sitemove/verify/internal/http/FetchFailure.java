package io.sitemove.verify.internal.http;

import java.util.Objects;

/**
 * Why a fetch gave no complete page, in words a finding can show as they are.
 *
 * @param kind what went wrong
 * @param words a sentence naming the URL, the server and the bound or reason
 */
public record FetchFailure(Kind kind, String words) {
    /** The kinds of failure a fetch reports instead of throwing. */
    public enum Kind {
        /** Connecting, the TLS handshake or waiting for the response took longer than its bound. */
        TIMEOUT,
        /** The whole fetch, redirects and body included, passed its deadline. */
        DEADLINE,
        /** A redirect led back to a URL already visited. */
        REDIRECT_LOOP,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The TLS handshake failed: certificate, host name or protocol. */
        TLS,
        /** Nothing listens on the pinned address and port. */
        CONNECTION_REFUSED,
        /** The body is larger than allowed; the page holds its first bytes. */
        BODY_TOO_LARGE,
        /** Any other input/output or protocol failure. */
        IO
    }

    /** Checks both parts. */
    public FetchFailure {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(words, "words cannot be null");
    }
}
