package io.sitemove.verify.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A response read by {@link PinnedHttpGet}.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param headers header names (lower case) to values (joined with ", " when repeated)
 * @param body the body, possibly cut at the reader's limit
 */
public record HttpResponse(int status, String reason, Map<String, String> headers, byte[] body) {
    public HttpResponse {
        Objects.requireNonNull(reason, "reason cannot be null");
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as text (UTF-8, malformed bytes replaced). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
