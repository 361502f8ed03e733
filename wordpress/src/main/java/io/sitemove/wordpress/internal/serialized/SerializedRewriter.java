package io.sitemove.wordpress.internal.serialized;

/**
 * Reads one whole PHP-serialized value and writes it again with every string value passed through a
 * {@link StringRewriter} and its byte length recomputed. Integers, floats, booleans and nulls are copied as
 * they are; array keys, object property names (private and protected ones hold NUL bytes) and class names are
 * never rewritten; custom-serialized {@code C:} payloads, enums ({@code E:}) and references ({@code r:},
 * {@code R:}) are copied whole, so a reference still points at the value it pointed at, which is rewritten once
 * where it stands. The number of values never changes, so reference numbers stay right.
 */
public final class SerializedRewriter {
    private static final int MAX_DEPTH = 512;

    private final byte[] in;
    private final StringRewriter strings;
    private final Counter counter;
    private final ByteSink out;
    private int pos;

    private SerializedRewriter(byte[] in, StringRewriter strings, Counter counter) {
        this.in = in;
        this.strings = strings;
        this.counter = counter;
        this.out = new ByteSink(in.length + 64);
    }

    /**
     * The value rewritten.
     *
     * @throws NotSerializedException when {@code value} is not one whole serialized value
     * @throws UnchangeableException when a string inside refused to be rewritten
     */
    public static byte[] rewrite(byte[] value, StringRewriter strings, Counter counter)
            throws NotSerializedException, UnchangeableException {
        SerializedRewriter r = new SerializedRewriter(value, strings, counter);
        r.value(0);
        if (r.pos != value.length) {
            throw new NotSerializedException(r.pos, "bytes after the end of the serialized value");
        }
        return r.out.toArray();
    }

    /** Whether {@code value} is one whole, valid serialized value (nothing is rewritten). */
    public static boolean isSerialized(byte[] value) {
        try {
            rewrite(value, (content, c) -> content, new Counter());
            return true;
        } catch (NotSerializedException | UnchangeableException e) {
            return false;
        }
    }

    private void value(int depth) throws NotSerializedException, UnchangeableException {
        if (depth > MAX_DEPTH) {
            throw new NotSerializedException(pos, "nested deeper than " + MAX_DEPTH);
        }
        if (pos >= in.length) {
            throw new NotSerializedException(pos, "a value expected, the end found");
        }
        int start = pos;
        switch (in[pos]) {
            case 'N' -> expect(pos + 1, ';', "N;");
            case 'b' -> scalar(start, Tokens.BOOLEAN);
            case 'i' -> scalar(start, Tokens.INTEGER);
            case 'd' -> scalar(start, Tokens.FLOAT);
            case 'r', 'R' -> scalar(start, Tokens.REFERENCE);
            case 's' -> string();
            case 'a' -> array(depth);
            case 'O' -> object(depth);
            case 'C' -> custom();
            case 'E' -> enumCase();
            default -> throw new NotSerializedException(pos, "no serialized type '" + (char) (in[pos] & 0xff) + "'");
        }
    }

    private void expect(int at, char c, String what) throws NotSerializedException {
        if (at >= in.length || in[at] != c) {
            throw new NotSerializedException(at, "'" + c + "' of " + what + " expected");
        }
        out.write(in, pos, at + 1 - pos);
        pos = at + 1;
    }

    private void scalar(int start, Tokens kind) throws NotSerializedException {
        int end = kind.end(in, start);
        if (end < 0) {
            throw new NotSerializedException(start, "not a valid " + kind.label);
        }
        out.write(in, start, end - start);
        pos = end;
    }

    private void string() throws NotSerializedException, UnchangeableException {
        int start = pos;
        int len = lengthPrefix(start, "string");
        int contentStart = pos;
        closeQuoted(contentStart, len, "\";", "string");
        byte[] content = java.util.Arrays.copyOfRange(in, contentStart, contentStart + len);
        byte[] rewritten = strings.rewrite(content, counter);
        out.ascii("s:");
        out.decimal(rewritten.length);
        out.ascii(":\"");
        out.write(rewritten);
        out.ascii("\";");
        pos = contentStart + len + 2;
    }

    private void array(int depth) throws NotSerializedException, UnchangeableException {
        int start = pos;
        int n = count(start + 2, "array");
        out.write(in, start, pos - start);
        members(n, depth, "array");
    }

    private void object(int depth) throws NotSerializedException, UnchangeableException {
        int start = pos;
        int len = lengthPrefix(start, "class name");
        closeQuoted(pos, len, "\":", "class name");
        int n = count(pos + len + 2, "object");
        out.write(in, start, pos - start);
        members(n, depth, "object");
    }

    private void members(int n, int depth, String what) throws NotSerializedException, UnchangeableException {
        for (int i = 0; i < n; i++) {
            key(what);
            value(depth + 1);
        }
        expect(pos, '}', what);
    }

    private void key(String what) throws NotSerializedException {
        int start = pos;
        if (pos < in.length && in[pos] == 'i') {
            scalar(start, Tokens.INTEGER);
        } else if (pos < in.length && in[pos] == 's') {
            int len = lengthPrefix(start, "key");
            closeQuoted(pos, len, "\";", "key");
            pos += len + 2;
            out.write(in, start, pos - start);
        } else {
            throw new NotSerializedException(pos, "an " + what + " key (i: or s:) expected");
        }
    }

    private void custom() throws NotSerializedException {
        int start = pos;
        int len = lengthPrefix(start, "class name");
        closeQuoted(pos, len, "\":", "class name");
        pos += len + 2;
        int payload = Tokens.digits(in, pos);
        int at = Tokens.afterDigits(in, pos);
        if (payload < 0 || at + 1 >= in.length || in[at] != ':' || in[at + 1] != '{') {
            throw new NotSerializedException(at, "':{' of a custom payload expected");
        }
        long end = (long) at + 2 + payload;
        if (end >= in.length || in[(int) end] != '}') {
            throw new NotSerializedException((int) Math.min(end, in.length), "custom payload of " + payload + " bytes not closed by '}'");
        }
        out.write(in, start, (int) end + 1 - start);
        pos = (int) end + 1;
    }

    private void enumCase() throws NotSerializedException {
        int start = pos;
        int len = lengthPrefix(start, "enum case");
        closeQuoted(pos, len, "\";", "enum case");
        pos += len + 2;
        out.write(in, start, pos - start);
    }

    /** Reads {@code T:len:"} from {@code start}; leaves {@code pos} at the first byte of the quoted text. */
    private int lengthPrefix(int start, String what) throws NotSerializedException {
        if (start + 1 >= in.length || in[start + 1] != ':') {
            throw new NotSerializedException(start + 1, "':' after the type of a " + what + " expected");
        }
        int len = Tokens.digits(in, start + 2);
        int at = Tokens.afterDigits(in, start + 2);
        if (len < 0 || at + 1 >= in.length || in[at] != ':' || in[at + 1] != '"') {
            throw new NotSerializedException(start + 2, "a " + what + " length followed by :\" expected");
        }
        pos = at + 2;
        return len;
    }

    private void closeQuoted(int contentStart, int len, String close, String what) throws NotSerializedException {
        int end = contentStart + len;
        if (len > in.length - contentStart - 2
                || in[end] != close.charAt(0) || in[end + 1] != close.charAt(1)) {
            throw new NotSerializedException(contentStart, "a " + what + " of " + len
                    + " bytes not followed by " + close);
        }
    }

    /** Reads {@code n:{} with the digits at {@code at}; leaves {@code pos} after the brace. */
    private int count(int at, String what) throws NotSerializedException {
        if (at > in.length || in[at - 1] != ':') {
            throw new NotSerializedException(at - 1, "':' of an " + what + " count expected");
        }
        int n = Tokens.digits(in, at);
        int after = Tokens.afterDigits(in, at);
        if (n < 0 || after + 1 >= in.length || in[after] != ':' || in[after + 1] != '{') {
            throw new NotSerializedException(at, "an " + what + " member count followed by :{ expected");
        }
        pos = after + 2;
        return n;
    }
}
