package io.sitemove.wordpress.internal.replace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms one search text and its replacement take inside a stored value: as written, as a JSON string
 * writes it (slashes escaped as {@code \/}, non-ASCII characters as {@code &#92;u00e9} in either case of hex,
 * quotes and backslashes escaped), and, when asked for, url-encoded (in either case of hex). Each form of the
 * search is paired with the same form of the replacement.
 */
public final class Variants {
    private Variants() {
    }

    /**
     * Every form of every pair, without duplicates; for a search text given twice, the first form wins.
     *
     * @param pairs search text to replacement, in the order given
     */
    public static List<Pair> of(Map<String, String> pairs, boolean json, boolean urlEncoded) {
        Map<String, String> all = new LinkedHashMap<>(pairs);
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (json) {
                for (boolean slashes : new boolean[] {false, true}) {
                    for (Unicode u : Unicode.values()) {
                        all.putIfAbsent(json(e.getKey(), slashes, u), json(e.getValue(), slashes, u));
                    }
                }
            }
            if (urlEncoded) {
                all.putIfAbsent(url(e.getKey(), true), url(e.getValue(), true));
                all.putIfAbsent(url(e.getKey(), false), url(e.getValue(), false));
            }
        }
        List<Pair> out = new ArrayList<>();
        all.forEach((s, r) -> out.add(new Pair(s.getBytes(StandardCharsets.UTF_8), r.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    /** How a JSON encoder writes characters outside ASCII. */
    enum Unicode { RAW, LOWER_HEX, UPPER_HEX }

    static String json(String text, boolean escapeSlashes, Unicode unicode) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '/' && escapeSlashes) {
                b.append("\\/");
            } else if (c > 0x7f && unicode != Unicode.RAW) {
                String hex = String.format("%04x", (int) c);
                b.append("\\u").append(unicode == Unicode.UPPER_HEX ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String url(String text, boolean upperHex) {
        StringBuilder b = new StringBuilder(text.length() * 2);
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                String hex = String.format("%02x", c);
                b.append('%').append(upperHex ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
            }
        }
        return b.toString();
    }
}
