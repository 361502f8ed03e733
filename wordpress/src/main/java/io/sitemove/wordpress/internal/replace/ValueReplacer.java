package io.sitemove.wordpress.internal.replace;

import io.sitemove.wordpress.internal.serialized.Counter;
import io.sitemove.wordpress.internal.serialized.NotSerializedException;
import io.sitemove.wordpress.internal.serialized.SerializedRewriter;
import io.sitemove.wordpress.internal.serialized.StringRewriter;
import io.sitemove.wordpress.internal.serialized.UnchangeableException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Rewrites one stored value or one serialized string's content: a serialized value is rewritten structurally
 * (and so is a serialized value inside a string, at any depth); base64 text, when asked for, is decoded,
 * rewritten and encoded again; anything else gets the plain replace, unless it looks serialized, holds
 * serialized structure and does not parse, which is refused. Immutable and thread-safe.
 */
public final class ValueReplacer implements StringRewriter {
    private static final Pattern STRUCTURE = Pattern.compile("(?:[aO]:\\d+:[{\"]|[sCE]:\\d+:\"|[ib]:-?\\d+;|d:[-0-9.E+]+;|N;)");
    private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private final PairMatcher matcher;
    private final boolean base64;

    public ValueReplacer(PairMatcher matcher, boolean base64) {
        this.matcher = matcher;
        this.base64 = base64;
    }

    /** Whether the value can need a rewrite at all: false lets a caller skip the parse. */
    public boolean mayChange(byte[] value) {
        return base64 || matcher.occursIn(value);
    }

    @Override
    public byte[] rewrite(byte[] content, Counter counter) throws UnchangeableException {
        if (!mayChange(content)) {
            return content;
        }
        if (looksSerialized(content)) {
            try {
                return SerializedRewriter.rewrite(content, this, counter);
            } catch (NotSerializedException e) {
                if (holdsStructure(content)) {
                    throw new UnchangeableException("looks PHP-serialized but does not parse: " + e.getMessage());
                }
            }
        } else if (base64) {
            byte[] decoded = decodeBase64(content);
            if (decoded != null) {
                int before = counter.count();
                byte[] rewritten = rewrite(decoded, counter);
                return counter.count() == before ? content
                        : Base64.getEncoder().encode(rewritten);
            }
        }
        return matcher.replace(content, counter);
    }

    static boolean looksSerialized(byte[] v) {
        if (v.length < 2) {
            return false;
        }
        byte t = v[0];
        if (t == 'N') {
            return v[1] == ';';
        }
        return v[1] == ':' && (t == 'a' || t == 'O' || t == 's' || t == 'i' || t == 'b' || t == 'd'
                || t == 'C' || t == 'E' || t == 'r' || t == 'R' || t == 'S');
    }

    static boolean holdsStructure(byte[] v) {
        return STRUCTURE.matcher(new String(v, StandardCharsets.ISO_8859_1)).find();
    }

    private static byte[] decodeBase64(byte[] v) {
        String s = new String(v, StandardCharsets.ISO_8859_1);
        if (!BASE64.matcher(s).matches()) {
            return null;
        }
        byte[] d = Base64.getDecoder().decode(s);
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(d), java.nio.CharBuffer.allocate(d.length + 1), true).isError()
                ? null : d;
    }
}
