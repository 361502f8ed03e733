package io.sitemove.verify.internal.schema;

import io.sitemove.verify.internal.Printable;

/**
 * Two long texts shown where they part: each cut to a window that starts a little before their first
 * differing character, made printable.
 */
final class Excerpt {
    static final int WIDTH = 120;
    private static final int BEFORE = 30;

    private Excerpt() {
    }

    /** {@code [source excerpt, target excerpt]}; a null text reads "none". */
    static String[] around(String source, String target) {
        if (source == null || target == null) {
            return new String[] {shown(source, 0), shown(target, 0)};
        }
        int at = 0;
        int common = Math.min(source.length(), target.length());
        while (at < common && source.charAt(at) == target.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - BEFORE);
        return new String[] {shown(source, from), shown(target, from)};
    }

    private static String shown(String text, int from) {
        if (text == null) {
            return "none";
        }
        String tail = text.substring(Math.min(from, text.length()));
        return (from > 0 ? "..." : "") + Printable.excerpt(tail, WIDTH);
    }
}
