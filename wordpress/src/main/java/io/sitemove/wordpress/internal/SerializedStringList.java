package io.sitemove.wordpress.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a PHP-serialized array of strings, such as WordPress's {@code active_plugins} option
 * ({@code a:1:{i:0;s:19:"akismet/akismet.php";}}); string lengths count bytes, as PHP's do. Anything else
 * (nested arrays, objects, a malformed value) is not a list of strings: empty.
 */
public final class SerializedStringList {
    private final byte[] data;
    private int pos;

    private SerializedStringList(byte[] data) {
        this.data = data;
    }

    /** The values of the array, in order, or empty when the bytes are not a serialized array of strings. */
    public static Optional<List<String>> parse(byte[] serialized) {
        try {
            return Optional.ofNullable(new SerializedStringList(serialized).array());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<String> array() {
        expect("a:");
        int count = number(':');
        expect("{");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            key();
            values.add(string());
        }
        expect("}");
        return pos == data.length ? values : null;
    }

    private void key() {
        if (data[pos] == 'i') {
            expect("i:");
            number(';');
        } else {
            string();
        }
    }

    private String string() {
        expect("s:");
        int length = number(':');
        expect("\"");
        String value = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        expect("\";");
        return value;
    }

    private int number(char end) {
        int start = pos;
        while (data[pos] != end) {
            if (data[pos] != '-' && (data[pos] < '0' || data[pos] > '9')) {
                throw new IllegalArgumentException("not a number");
            }
            pos++;
        }
        int value = Integer.parseInt(new String(data, start, pos - start, StandardCharsets.US_ASCII));
        pos++;
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        return value;
    }

    private void expect(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (data[pos++] != text.charAt(i)) {
                throw new IllegalArgumentException("expected " + text);
            }
        }
    }
}
