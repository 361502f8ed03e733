package io.sitemove.wordpress.internal.serialized;

/** A part of a value that must not be rewritten (a serialized look-alike that does not parse): why. */
public final class UnchangeableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what was found and where, for the report */
    public UnchangeableException(String reason) {
        super(reason, null, false, false);
    }
}
