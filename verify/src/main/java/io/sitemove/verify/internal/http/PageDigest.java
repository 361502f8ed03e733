package io.sitemove.verify.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Reads a page's title and chosen elements with jsoup, and digests its body after replacing what changes
 * on every load. Immutable and thread-safe.
 *
 * <pre>{@code
 * PageDigest digest = PageDigest.builder().select("h1", ".price")
 *         .rule("data-request-id=\"[0-9a-f]+\"", "data-request-id=\"ID\"").build();
 * PageFacts facts = digest.of(page);
 * }</pre>
 */
public final class PageDigest {
    private final List<String> selectors;
    private final List<Evaluator> evaluators;
    private final List<NormalisationRule> rules;

    private PageDigest(Builder b) {
        selectors = List.copyOf(b.selectors);
        evaluators = List.copyOf(b.evaluators);
        rules = List.copyOf(b.rules);
    }

    /** A builder with the default rules and no selectors. */
    public static Builder builder() {
        return new Builder();
    }

    /** The facts of a fetched page, its body decoded with the charset its {@code Content-Type} names. */
    public PageFacts of(Page page) {
        Objects.requireNonNull(page, "page cannot be null");
        return of(page.body(), page.contentType(), page.finalUri().toString());
    }

    /** The facts of a body, decoded with the charset {@code contentType} names, else UTF-8. */
    public PageFacts of(byte[] body, String contentType, String baseUri) {
        String text = new String(body, charsetOf(contentType));
        Document doc = Jsoup.parse(text, baseUri);
        List<PageFacts.Selected> found = new ArrayList<>();
        for (int i = 0; i < selectors.size(); i++) {
            found.add(new PageFacts.Selected(selectors.get(i), doc.select(evaluators.get(i)).eachText()));
        }
        Element title = doc.selectFirst("title");
        return new PageFacts(title == null ? "" : title.text(), found, sha256(normalised(text)));
    }

    /** The body text after every rule, in order; what the digest is taken of. */
    public String normalised(String text) {
        String out = text;
        for (NormalisationRule rule : rules) {
            out = rule.apply(out);
        }
        return out;
    }

    private static Charset charsetOf(String contentType) {
        int at = contentType == null ? -1 : contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + "charset=".length()).split("[;\\s]", 2)[0].replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Builds a {@link PageDigest}; selectors and rules are checked as they are given. */
    public static final class Builder {
        private final List<String> selectors = new ArrayList<>();
        private final List<Evaluator> evaluators = new ArrayList<>();
        private final List<NormalisationRule> rules = new ArrayList<>(NormalisationRule.DEFAULTS);

        private Builder() {
        }

        /** Reads the elements these CSS selectors match; a bad selector is refused. */
        public Builder select(String... css) {
            for (String selector : css) {
                Objects.requireNonNull(selector, "selector cannot be null");
                try {
                    evaluators.add(QueryParser.parse(selector));
                } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad CSS selector '" + selector + "': " + e.getMessage(), e);
                }
                selectors.add(selector);
            }
            return this;
        }

        /** Adds a rule after those already given: each match of {@code regex} becomes {@code replacement}. */
        public Builder rule(String regex, String replacement) {
            rules.add(NormalisationRule.of(regex, replacement));
            return this;
        }

        /** Drops the default rules (and any given so far), for a caller who gives all of them. */
        public Builder withoutDefaultRules() {
            rules.clear();
            return this;
        }

        /** A digest with these selectors and rules. */
        public PageDigest build() {
            return new PageDigest(this);
        }
    }
}
