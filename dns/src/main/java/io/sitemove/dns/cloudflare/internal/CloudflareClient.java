package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitemove.Secret;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.cloudflare.CloudflareApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Cloudflare's v4 API with the API token as a bearer token, retrying rate-limited calls (429)
 * and, for calls that can safely be repeated (GET, PUT, DELETE), server errors and dropped
 * connections. A POST that failed on the server's side is not repeated: whether it created the
 * record is unknown, and the caller reads back to see.
 */
public final class CloudflareClient {
    private static final Logger LOG = LoggerFactory.getLogger(CloudflareClient.class);

    private final HttpClient http;
    private final String base;
    private final Secret token;
    private final Duration timeout;
    private final RetryWaits waits;

    public CloudflareClient(URI baseUrl, Secret token, Duration timeout, RetryWaits waits) {
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.token = token;
        this.timeout = timeout;
        this.waits = waits;
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
        boolean repeatable = !"POST".equals(method);
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (repeatable && retry < waits.maxRetries()) {
                    pause(waits.delay(retry, Optional.empty()), what);
                    continue;
                }
                throw new DnsTimeoutException("cannot reach Cloudflare's API at " + base + " for " + what + " ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + clean(e.getMessage()))
                        + ")" + (repeatable ? " after " + (retry + 1) + " attempts" : "")
                        + "; check this machine's connection to it and try again", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DnsException("interrupted while waiting for Cloudflare's API for " + what, e, true);
            }
            int status = response.statusCode();
            boolean retryable = status == 429 || (status >= 500 && repeatable);
            if (retryable && retry < waits.maxRetries()) {
                Duration wait = waits.delay(retry, response.headers().firstValue("Retry-After"));
                LOG.info("Cloudflare answered HTTP {} to {}; trying again in {} ms ({} of {} retries)", status, what,
                        wait.toMillis(), retry + 1, waits.maxRetries());
                pause(wait, what);
                continue;
            }
            return check(status, Envelope.parse(response.body()), what, retry);
        }
    }

    private Envelope check(int status, Envelope envelope, String what, int retries) {
        boolean auth = status == 401 || status == 403
                || envelope.codes().stream().anyMatch(CloudflareApiException::isAuthenticationCode);
        if (auth) {
            throw new CloudflareApiException("API token refused: check the token and its Zone.DNS edit permission"
                    + " (and Zone read) for this zone. Cloudflare answered HTTP " + status + " "
                    + clean(envelope.describeErrors()) + " to " + what, status, envelope.codes(), false);
        }
        if (status == 429) {
            throw new CloudflareApiException("Cloudflare's API still limits the rate of calls (HTTP 429) after "
                    + retries + " retries of " + what + "; nothing more was sent: wait a few minutes (its limit is"
                    + " counted over five minutes) and try again", status, envelope.codes(), true);
        }
        if (status >= 500) {
            throw new CloudflareApiException("Cloudflare's API failed (HTTP " + status + " "
                    + clean(envelope.describeErrors()) + ") for " + what
                    + (retries > 0 ? " after " + retries + " retries" : "") + "; try again later", status,
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

    private void pause(Duration wait, String what) {
        try {
            waits.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsException("interrupted while waiting to call Cloudflare's API again for " + what, e, true);
        }
    }

    /** The text with the token blanked out, should an answer ever echo it. */
    private String clean(String text) {
        String t = token.reveal();
        return t.isEmpty() ? text : text.replace(t, "******");
    }
}
