package io.sitemove.verify.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.RedirectException;

/** Turns what the client threw into a failure a finding can show. */
final class Failures {
    private Failures() {
    }

    static FetchFailure of(IOException e, String method, URI uri, String server, Bounds bounds, boolean deadlinePassed) {
        String at = method + " " + uri + " via " + server + ": ";
        if (deadlinePassed) {
            return new FetchFailure(FetchFailure.Kind.DEADLINE,
                    at + "no complete page within the fetch deadline of " + human(bounds.deadline()));
        }
        Throwable cause = e instanceof ClientProtocolException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CircularRedirectException) {
            return new FetchFailure(FetchFailure.Kind.REDIRECT_LOOP, at + "redirect loop: " + cause.getMessage());
        }
        if (cause instanceof RedirectException) {
            return new FetchFailure(FetchFailure.Kind.TOO_MANY_REDIRECTS,
                    at + "more than " + bounds.maxRedirects() + " redirects");
        }
        if (cause instanceof ConnectTimeoutException) {
            return new FetchFailure(FetchFailure.Kind.TIMEOUT, at + "no connection within " + human(bounds.connect()));
        }
        if (cause instanceof HttpHostConnectException || cause instanceof ConnectException) {
            return new FetchFailure(FetchFailure.Kind.CONNECTION_REFUSED, at + "connection refused");
        }
        if (cause instanceof UnknownHostException) {
            return new FetchFailure(FetchFailure.Kind.IO, at + "host " + cause.getMessage()
                    + " is not pinned and does not resolve (system DNS)");
        }
        if (cause instanceof SSLException) {
            return new FetchFailure(FetchFailure.Kind.TLS, at + "TLS failed: " + reason(cause));
        }
        if (cause instanceof SocketTimeoutException) {
            return new FetchFailure(FetchFailure.Kind.TIMEOUT,
                    at + "no response within " + human(bounds.response()));
        }
        if (cause instanceof InterruptedIOException) {
            return new FetchFailure(FetchFailure.Kind.TIMEOUT, at + "interrupted: " + reason(cause));
        }
        return new FetchFailure(FetchFailure.Kind.IO, at + reason(cause));
    }

    static FetchFailure bodyTooLarge(URI uri, String server, long maxBytes) {
        return new FetchFailure(FetchFailure.Kind.BODY_TOO_LARGE,
                "GET " + uri + " via " + server + ": body larger than " + maxBytes + " bytes; the first "
                        + maxBytes + " were kept");
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : (e.getMessage() != null ? e.getMessage() + " (" + message + ")" : message);
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The bounds a failure's words name. */
    record Bounds(Duration connect, Duration response, Duration deadline, int maxRedirects) {
    }
}
