package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cloudflare's answer: {@code {"success", "errors": [{"code", "message"}], "messages", "result",
 * "result_info"}}. A body that is not such JSON parses as a failure without errors.
 *
 * @param json whether the body was a JSON object
 */
public record Envelope(boolean json, boolean success, List<ApiError> errors, JsonNode result, JsonNode resultInfo) {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One of Cloudflare's {@code errors}. */
    public record ApiError(int code, String message) {
        @Override
        public String toString() {
            return code + " " + message;
        }
    }

    public Envelope {
        errors = List.copyOf(errors);
    }

    /** Parses a body; never throws. */
    public static Envelope parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            root = MissingNode.getInstance();
        }
        if (root == null || !root.isObject()) {
            return new Envelope(false, false, List.of(), MissingNode.getInstance(), MissingNode.getInstance());
        }
        List<ApiError> errors = new ArrayList<>();
        for (JsonNode e : root.path("errors")) {
            errors.add(new ApiError(e.path("code").asInt(0), e.path("message").asText("")));
            for (JsonNode chained : e.path("error_chain")) {
                errors.add(new ApiError(chained.path("code").asInt(0), chained.path("message").asText("")));
            }
        }
        return new Envelope(true, root.path("success").asBoolean(false), errors, root.path("result"),
                root.path("result_info"));
    }

    /** The error codes, in order. */
    public List<Integer> codes() {
        return errors.stream().map(ApiError::code).toList();
    }

    /** "[9109 Invalid access token; 1004 ...]", or "no error details" when there are none. */
    public String describeErrors() {
        if (errors.isEmpty()) {
            return json ? "no error details" : "an answer that is not Cloudflare's JSON";
        }
        return errors.stream().map(ApiError::toString).collect(Collectors.joining("; ", "[", "]"));
    }
}
