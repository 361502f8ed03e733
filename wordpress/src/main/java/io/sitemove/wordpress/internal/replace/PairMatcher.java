package io.sitemove.wordpress.internal.replace;

import io.sitemove.wordpress.internal.serialized.Counter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces several search texts in one left-to-right pass over bytes: at each position the longest search that
 * matches wins, its replacement is written and the scan goes on after the match, so a replacement is never
 * searched again. Case-insensitive matching folds ASCII letters only (host names, URL schemes); other bytes match
 * exactly, so UTF-8 characters are never split. Immutable and thread-safe.
 */
public final class PairMatcher {
    private final byte[][] searches;
    private final byte[][] replacements;
    private final boolean caseSensitive;
    private final boolean[] firstByte = new boolean[256];

    /** @param pairs the pairs; for one search text, the first pair given wins */
    public PairMatcher(List<Pair> pairs, boolean caseSensitive) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingInt((Pair p) -> -p.search().length));
        this.searches = new byte[sorted.size()][];
        this.replacements = new byte[sorted.size()][];
        this.caseSensitive = caseSensitive;
        for (int i = 0; i < sorted.size(); i++) {
            searches[i] = sorted.get(i).search();
            replacements[i] = sorted.get(i).replacement();
            int b = searches[i][0] & 0xff;
            firstByte[b] = true;
            if (!caseSensitive) {
                firstByte[fold(b)] = true;
                firstByte[upper(b)] = true;
            }
        }
    }

    /** Whether any search text occurs in {@code value}. */
    public boolean occursIn(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            if (firstByte[value[i] & 0xff] && matchAt(value, i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} with every match replaced, or the same array when none matched. */
    public byte[] replace(byte[] value, Counter counter) {
        Sink out = null;
        int copied = 0;
        int i = 0;
        while (i < value.length) {
            int m = firstByte[value[i] & 0xff] ? matchAt(value, i) : -1;
            if (m < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new Sink(value.length + 32);
            }
            out.write(value, copied, i - copied);
            out.write(replacements[m], 0, replacements[m].length);
            counter.add(1);
            i += searches[m].length;
            copied = i;
        }
        if (out == null) {
            return value;
        }
        out.write(value, copied, value.length - copied);
        return out.toArray();
    }

    private int matchAt(byte[] value, int at) {
        for (int p = 0; p < searches.length; p++) {
            byte[] s = searches[p];
            if (s.length <= value.length - at && matches(value, at, s)) {
                return p;
            }
        }
        return -1;
    }

    private boolean matches(byte[] value, int at, byte[] s) {
        for (int j = 0; j < s.length; j++) {
            int a = value[at + j] & 0xff;
            int b = s[j] & 0xff;
            if (a != b && (caseSensitive || fold(a) != fold(b))) {
                return false;
            }
        }
        return true;
    }

    private static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private static int upper(int b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }

    /** A growable buffer local to one call. */
    private static final class Sink {
        private byte[] buf;
        private int size;

        Sink(int capacity) {
            buf = new byte[capacity];
        }

        void write(byte[] b, int off, int len) {
            if (size + len > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }
}
