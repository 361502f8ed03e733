package io.sitemove.wordpress.internal.serialized;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer without the synchronization of {@code ByteArrayOutputStream}. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void ascii(String s) {
        write(s.getBytes(StandardCharsets.US_ASCII));
    }

    void decimal(int n) {
        ascii(Integer.toString(n));
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
