package io.sitemove.wordpress.internal.serialized;

/** Bytes that are not a whole, valid PHP-serialized value: where reading stopped and why. */
public final class NotSerializedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    NotSerializedException(int offset, String reason) {
        super(reason + " at byte " + offset, null, false, false);
        this.offset = offset;
    }

    /** The byte offset where the value stopped being valid serialization. */
    public int offset() {
        return offset;
    }
}
