package io.sitemove.verify.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * A request a {@link PageClient} sends: a GET, or a POST of form fields (sent as
 * {@code application/x-www-form-urlencoded}, UTF-8).
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the URL
 * @param form the form fields of a POST, in order; empty for a GET
 */
public record PageRequest(String method, URI uri, List<Map.Entry<String, String>> form) {
    /** Checks the parts and copies the fields. */
    public PageRequest {
        Objects.requireNonNull(method, "method cannot be null");
        Objects.requireNonNull(uri, "uri cannot be null");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("method must be GET or POST, was " + method);
        }
        form = form.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    /** A GET of {@code uri}. */
    public static PageRequest get(URI uri) {
        return new PageRequest("GET", uri, List.of());
    }

    /** A POST of {@code fields} to {@code uri}. */
    public static PageRequest post(URI uri, List<Map.Entry<String, String>> fields) {
        return new PageRequest("POST", uri, fields);
    }

    HttpUriRequestBase toMessage() {
        if (method.equals("GET")) {
            return new HttpGet(uri);
        }
        HttpPost post = new HttpPost(uri);
        List<NameValuePair> pairs = new ArrayList<>();
        for (Map.Entry<String, String> field : form) {
            pairs.add(new BasicNameValuePair(field.getKey(), field.getValue()));
        }
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return post;
    }

    /** The method and URL, never the field values (a password may be one of them). */
    @Override
    public String toString() {
        return method + " " + uri + (form.isEmpty() ? "" : " fields " + form.stream().map(Map.Entry::getKey).toList());
    }
}
