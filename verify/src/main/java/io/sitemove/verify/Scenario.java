package io.sitemove.verify;

import io.sitemove.Secret;
import io.sitemove.remote.PluginNames;
import io.sitemove.verify.internal.http.PageDigest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scripted functional checks: steps (a GET, a form POST) sent in order to the new server, cookies kept from
 * step to step as a browser keeps them (so a login holds), each with expectations on its final page (after
 * redirects). A step that fails is a blocking finding naming the scenario and the step; the same steps are then
 * run on the old server, to say whether it behaves the same way. Field values are never shown, so a password
 * may be one; give it as a {@link Secret}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Scenario login = Scenario.builder("login", "https://shop.example.com/")
 *     .get("/login.php").expectStatus(200).expectSelector("form#login")
 *     .post("/login.php").field("user", "editor").field("password", Secret.of(password))
 *         .expectText("Welcome, editor").expectCookie("PHPSESSID")
 *     .get("/account.php").expectSelector("#who", "editor")
 *     .build();
 * }</pre>
 */
public final class Scenario {
    private final String name;
    private final URI base;
    private final List<Step> steps;

    private Scenario(Builder b) {
        name = b.name;
        base = b.base;
        steps = b.steps.stream().map(Step::copy).toList();
    }

    /**
     * Starts a scenario.
     *
     * @param name its name in findings
     * @param baseUrl the site's URL the steps' paths are resolved against (http:// or https://)
     */
    public static Builder builder(String name, String baseUrl) {
        return new Builder(name, baseUrl);
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** The URL its steps' paths are resolved against. */
    public URI base() {
        return base;
    }

    List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "scenario " + name + " " + steps.stream().map(Step::toString).toList();
    }

    /** One request and what its page must show. */
    record Step(int number, String method, URI uri, List<Map.Entry<String, Object>> fields, List<Expect> expects) {
        Step copy() {
            return new Step(number, method, uri, List.copyOf(fields), List.copyOf(expects));
        }

        @Override
        public String toString() {
            return "step " + number + " (" + method + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + ")";
        }
    }

    /** What a step's page must show. */
    sealed interface Expect {
        /** The final status. */
        record Status(int code) implements Expect {
        }

        /** Text the body contains. */
        record Text(String text, boolean present) implements Expect {
        }

        /** An element that matches {@code css}, containing {@code text} (empty: any element). */
        record Selector(String css, String text) implements Expect {
        }

        /** A cookie the session holds after the step. */
        record Cookie(String name) implements Expect {
        }
    }

    /** Builds a {@link Scenario}; expectations apply to the last step given. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final URI base;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name, String baseUrl) {
            this.name = PluginNames.check(name);
            this.base = HttpVerifierBuilder.parse(baseUrl);
        }

        /** A GET of {@code path} (resolved against the base URL). */
        public Builder get(String path) {
            return step("GET", path);
        }

        /** A POST of a form to {@code path}; give its fields with {@link #field}. */
        public Builder post(String path) {
            return step("POST", path);
        }

        private Builder step(String method, String path) {
            Objects.requireNonNull(path, "path cannot be null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
            }
            URI uri = base.resolve(path);
            if (!uri.getHost().equalsIgnoreCase(base.getHost())) {
                throw new IllegalArgumentException("path '" + path + "' leaves the site " + base.getHost());
            }
            steps.add(new Step(steps.size() + 1, method, uri, new ArrayList<>(), new ArrayList<>()));
            return this;
        }

        /** A form field of the last POST. */
        public Builder field(String field, String value) {
            return addField(field, Objects.requireNonNull(value, "value cannot be null"));
        }

        /** A secret form field of the last POST (a password); never shown. */
        public Builder field(String field, Secret value) {
            return addField(field, Objects.requireNonNull(value, "value cannot be null"));
        }

        private Builder addField(String field, Object value) {
            Objects.requireNonNull(field, "field cannot be null");
            Step last = last();
            if (!last.method().equals("POST")) {
                throw new IllegalStateException("field '" + field + "' given to " + last + ", which is not a POST");
            }
            last.fields().add(Map.entry(field, value));
            return this;
        }

        /** The last step's final status (after redirects) must be {@code status}. */
        public Builder expectStatus(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100..599, was " + status);
            }
            return expect(new Expect.Status(status));
        }

        /** The last step's body must contain {@code text}. */
        public Builder expectText(String text) {
            return expect(new Expect.Text(nonEmpty(text, "text"), true));
        }

        /** The last step's body must not contain {@code text} (an error message, say). */
        public Builder expectNoText(String text) {
            return expect(new Expect.Text(nonEmpty(text, "text"), false));
        }

        /** The last step's page must have an element matching {@code css}. */
        public Builder expectSelector(String css) {
            return expectSelector(css, "");
        }

        /** The last step's page must have an element matching {@code css} whose text contains {@code text}. */
        public Builder expectSelector(String css, String text) {
            PageDigest.builder().select(Objects.requireNonNull(css, "css cannot be null"));
            return expect(new Expect.Selector(css, Objects.requireNonNull(text, "text cannot be null")));
        }

        /** After the last step the session must hold a cookie named {@code cookie}. */
        public Builder expectCookie(String cookie) {
            return expect(new Expect.Cookie(nonEmpty(cookie, "cookie")));
        }

        private Builder expect(Expect e) {
            last().expects().add(e);
            return this;
        }

        private Step last() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("no step yet in scenario " + name + ": call get(...) or post(...) first");
            }
            return steps.get(steps.size() - 1);
        }

        private static String nonEmpty(String s, String what) {
            Objects.requireNonNull(s, what + " cannot be null");
            if (s.isEmpty()) {
                throw new IllegalArgumentException(what + " cannot be empty");
            }
            return s;
        }

        /** Builds the scenario; ISE without a step. */
        public Scenario build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("scenario " + name + " has no step: call get(...) or post(...)");
            }
            return new Scenario(this);
        }
    }
}
