package io.sitemove.verify.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An ordered SHA-256 over rows: each column's bytes are fed with a marker and a length, so NULL,
 * '' and values that run into their neighbours all hash differently, and swapping values between
 * rows changes the result.
 */
public final class RowHasher {
    private static final byte NULL_MARKER = 0;
    private static final byte VALUE_MARKER = 1;
    private static final byte ROW_END = 2;

    private final MessageDigest digest;
    private long rows;
    private long bytes;

    public RowHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Adds one column value; null for SQL NULL. */
    public void column(byte[] value) {
        if (value == null) {
            digest.update(NULL_MARKER);
            return;
        }
        digest.update(VALUE_MARKER);
        int n = value.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(value);
        bytes += n;
    }

    /** Ends a row. */
    public void endRow() {
        digest.update(ROW_END);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The bytes of all values so far. */
    public long bytes() {
        return bytes;
    }

    /** The hash, hex; the hasher cannot be used after. */
    public String finish() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
