package io.sitemove.verify.internal;

/**
 * Makes hostile text safe to show in a finding or a log line: control characters, backslashes and
 * bytes beyond ASCII (names are carried as ISO-8859-1, one char per byte) are escaped.
 */
public final class Printable {
    private Printable() {
    }

    /** The text with every byte outside printable ASCII shown as an escape ({@code \n}, {@code \xff}). */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else if (c <= 0xff) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters of the text, made printable, with "..." when cut. */
    public static String excerpt(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        return of(cut) + (text.length() > max ? "..." : "");
    }
}
