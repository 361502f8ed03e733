package io.sitemove.verify;

import io.sitemove.Secret;
import io.sitemove.spi.Finding;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.Printable;
import io.sitemove.verify.internal.http.Page;
import io.sitemove.verify.internal.http.PageRequest;
import io.sitemove.verify.internal.pages.Side;
import io.sitemove.verify.internal.pages.Sides;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Runs {@link Scenario}s on the new server, and on the old one to compare when a step fails. */
final class ScenarioRunner {
    private static final int EXCERPT = 200;

    private ScenarioRunner() {
    }

    /** Runs each scenario; adds a blocking finding for each one that fails; returns how many failed. */
    static int run(List<Scenario> scenarios, Sides sides, Findings out) {
        int failed = 0;
        for (Scenario scenario : scenarios) {
            Optional<Miss> miss = runOn(sides.now(), scenario, Integer.MAX_VALUE);
            if (miss.isPresent()) {
                failed++;
                Miss m = miss.get();
                Optional<Miss> onOld = runOn(sides.old(), scenario, m.step().number());
                String old = onOld.isEmpty() ? "; the " + sides.old().named() + " passes this step"
                        : onOld.get().step().number() < m.step().number()
                        ? "; the " + sides.old().named() + " already fails " + onOld.get().step() + ": " + onOld.get().actual()
                        : "; the " + sides.old().named() + " fails it too: " + onOld.get().actual();
                out.add(Finding.blocking("scenario", "scenario " + scenario.name() + " " + m.step(), m.expected(),
                        m.actual() + " (" + sides.now().named() + ")" + old,
                        "fix the new server (sessions, PHP extensions, database access) until the step passes"));
            }
        }
        return failed;
    }

    /** Runs the steps up to {@code lastStep} on {@code side}; the first expectation missed, if any. */
    private static Optional<Miss> runOn(Side side, Scenario scenario, int lastStep) {
        CookieStore jar = new BasicCookieStore();
        for (Scenario.Step step : scenario.steps()) {
            if (step.number() > lastStep) {
                break;
            }
            Page page = side.send(request(step), jar);
            if (!page.complete()) {
                return Optional.of(new Miss(step, "a complete page", page.failure().get().words()));
            }
            for (Scenario.Expect expect : step.expects()) {
                Optional<String> actual = check(expect, page, jar);
                if (actual.isPresent()) {
                    return Optional.of(new Miss(step, describe(expect), actual.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static PageRequest request(Scenario.Step step) {
        if (step.method().equals("GET")) {
            return PageRequest.get(step.uri());
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Map.Entry<String, Object> f : step.fields()) {
            String value = f.getValue() instanceof Secret s ? s.reveal() : (String) f.getValue();
            fields.add(Map.entry(f.getKey(), value));
        }
        return PageRequest.post(step.uri(), fields);
    }

    private static Optional<String> check(Scenario.Expect expect, Page page, CookieStore jar) {
        String body = new String(page.body(), StandardCharsets.UTF_8);
        String seen = "status " + page.status() + ", body: '" + Printable.excerpt(body, EXCERPT) + "'";
        if (expect instanceof Scenario.Expect.Status s) {
            return s.code() == page.status() ? Optional.empty() : Optional.of(seen);
        }
        if (expect instanceof Scenario.Expect.Text t) {
            return body.contains(t.text()) == t.present() ? Optional.empty() : Optional.of(seen);
        }
        if (expect instanceof Scenario.Expect.Selector s) {
            for (Element e : Jsoup.parse(body, page.finalUri().toString()).select(s.css())) {
                if (e.text().contains(s.text())) {
                    return Optional.empty();
                }
            }
            return Optional.of("no such element; " + seen);
        }
        Scenario.Expect.Cookie c = (Scenario.Expect.Cookie) expect;
        List<String> names = jar.getCookies().stream().map(Cookie::getName).toList();
        return names.contains(c.name()) ? Optional.empty() : Optional.of("cookies held: " + names + "; " + seen);
    }

    private static String describe(Scenario.Expect expect) {
        if (expect instanceof Scenario.Expect.Status s) {
            return "status " + s.code();
        }
        if (expect instanceof Scenario.Expect.Text t) {
            return (t.present() ? "text '" : "no text '") + Printable.of(t.text()) + "'";
        }
        if (expect instanceof Scenario.Expect.Selector s) {
            return "an element '" + s.css() + "'" + (s.text().isEmpty() ? "" : " containing '" + Printable.of(s.text()) + "'");
        }
        return "cookie '" + ((Scenario.Expect.Cookie) expect).name() + "' held";
    }

    /** The first expectation a step missed. */
    private record Miss(Scenario.Step step, String expected, String actual) {
    }
}
