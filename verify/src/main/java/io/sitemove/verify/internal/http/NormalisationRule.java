package io.sitemove.verify.internal.http;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of a page that changes on every load (a nonce, a cache buster, a time), and what it is replaced
 * with before the body is digested, so two loads of the same page digest alike.
 *
 * @param pattern what to find
 * @param replacement what to put instead, as {@link Matcher#replaceAll(String)} reads it ({@code $1} for a group)
 */
public record NormalisationRule(Pattern pattern, String replacement) {
    /** WordPress nonces, {@code ver=} cache busters and ISO-8601 and HTTP dates. */
    public static final List<NormalisationRule> DEFAULTS = List.of(
            of("(_wpnonce=)[0-9a-zA-Z]+", "$1NONCE"),
            of("(\"[a-zA-Z_]*nonce\"\\s*:\\s*\")[0-9a-zA-Z]+\"", "$1NONCE\""),
            of("([?&](?:amp;)?ver=)[^&\"'\\s>]+", "$1VER"),
            of("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?", "TIMESTAMP"),
            of("(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT", "TIMESTAMP"));

    /** Checks both parts. */
    public NormalisationRule {
        Objects.requireNonNull(pattern, "pattern cannot be null");
        Objects.requireNonNull(replacement, "replacement cannot be null");
    }

    /** A rule from a regular expression; a bad expression is refused with its syntax error. */
    public static NormalisationRule of(String regex, String replacement) {
        Objects.requireNonNull(regex, "regex cannot be null");
        return new NormalisationRule(Pattern.compile(regex), replacement);
    }

    String apply(String text) {
        return pattern.matcher(text).replaceAll(replacement);
    }
}
