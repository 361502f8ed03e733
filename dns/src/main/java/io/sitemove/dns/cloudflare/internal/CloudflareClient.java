package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitemove.Secret;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.cloudflare.CloudflareApiException;
import io.sitemove.dns.internal.Settings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Cloudflare's v4 API with the API token as a bearer token. One call is one HTTP request, sent
 * again only while Cloudflare limits the rate (HTTP 429, see {@link RateLimitRetry}: its
 * {@code Retry-After} honoured, a few attempts, a bounded wait in all); a rate limit that outlasts
 * them is a transient failure.
 *
 * <p>Nothing else is tried again here: a server error (5xx), a dropped connection or a timeout is
 * reported at once as a transient failure, and the engine, which alone retries (a whole step at a
 * time), decides whether to try again. Retrying those here too would multiply the engine's attempts,
 * and a POST that failed on the server's side may or may not have created its record: the caller
 * reads back to see.
 */
public final class CloudflareClient {
    private static final Logger LOG = LoggerFactory.getLogger(CloudflareClient.class);

    private final HttpClient http;
    private final String base;
    private final Secret token;
    private final Duration timeout;
    private final RateLimitRetry rateLimit;

    public CloudflareClient(URI baseUrl, Secret token, Duration timeout, RateLimitRetry rateLimit) {
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.token = token;
        this.timeout = timeout;
        this.rateLimit = rateLimit;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The API's address, for messages. */
    public String base() {
        return base;
    }

    /** The query string of the given parameters, in order, values encoded ("?a=1&b=x"). */
    public static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** An ordered parameter map. */
    public static Map<String, String> params(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /**
     * Sends one call and returns Cloudflare's successful answer.
     *
     * @param method GET, POST, PUT or DELETE
     * @param path the path after the base, with its query ("/zones?name=example.com")
     * @param body the JSON body, or null
     * @param what what the call does, for messages ("the list of www.example.com. A in zone example.com.")
     */
    public Envelope call(String method, String path, JsonNode body, String what) {
        HttpRequest request = request(method, path, body);
        RateLimitRetry.Outcome outcome;
        try {
            outcome = rateLimit.run(method + " " + path, () -> send(request, what), (answer, wait, retry) ->
                    LOG.info("Cloudflare limits the rate of calls (HTTP {}) for {}; trying again in {} ms ({} of {}"
                            + " retries)", answer.statusCode(), what, wait.toMillis(), retry, rateLimit.maxRetries()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting to call Cloudflare's API again for " + what, e, true);
        }
        HttpResponse<String> response = outcome.response();
        return check(response.statusCode(), Envelope.parse(response.body()), what, outcome.retries());
    }

    /**
     * One request, bounded in all by the timeout: connecting, the answer's headers and its whole body (the
     * request's own timeout stops at the headers); a call that runs out is cancelled.
     */
    private HttpResponse<String> send(HttpRequest request, String what) {
        CompletableFuture<HttpResponse<String>> call =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw noAnswer(what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new DnsTimeoutException("cannot connect to Cloudflare's API at " + base + " for " + what
                        + " within " + Settings.text(timeout) + " (the timeout); check this machine's connection to it",
                        cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw noAnswer(what, cause);
            }
            throw new DnsTimeoutException("cannot reach Cloudflare's API at " + base + " for " + what + " ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                    + clean(cause.getMessage())) + "); check this machine's connection to it", cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting for Cloudflare's API for " + what, e, true);
        }
    }

    private DnsTimeoutException noAnswer(String what, Throwable cause) {
        return new DnsTimeoutException("Cloudflare's API at " + base + " gave no answer within " + Settings.text(timeout)
                + " (the timeout of one call, its whole answer included) to " + what
                + "; check this machine's connection to it and Cloudflare's status", cause);
    }

    private Envelope check(int status, Envelope envelope, String what, int retries) {
        boolean auth = status == 401 || status == 403
                || envelope.codes().stream().anyMatch(CloudflareApiException::isAuthenticationCode);
        if (auth) {
            throw new CloudflareApiException("API token refused: check the token and its Zone.DNS edit permission"
                    + " (and Zone read) for this zone. Cloudflare answered HTTP " + status + " "
                    + clean(envelope.describeErrors()) + " to " + what, status, envelope.codes(), false);
        }
        if (status == RateLimitRetry.TOO_MANY_REQUESTS) {
            throw new CloudflareApiException("Cloudflare's API still limits the rate of calls (HTTP 429) after "
                    + retries + " retries of " + what + "; nothing more was sent: wait a few minutes (its limit is"
                    + " counted over five minutes) and try again", status, envelope.codes(), true);
        }
        if (status >= 500) {
            throw new CloudflareApiException("Cloudflare's API failed (HTTP " + status + " "
                    + clean(envelope.describeErrors()) + ") for " + what + "; try again later", status,
                    envelope.codes(), true);
        }
        if (status >= 300 || !envelope.success()) {
            throw new CloudflareApiException("Cloudflare refused " + what + " (HTTP " + status + " "
                    + clean(envelope.describeErrors()) + "); correct the request as its errors say", status,
                    envelope.codes(), false);
        }
        return envelope;
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Envelope.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token.reveal()).header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.build();
    }

    /** The text with the token blanked out, should an answer ever echo it. */
    private String clean(String text) {
        String t = token.reveal();
        return t.isEmpty() ? text : text.replace(t, "******");
    }
}
