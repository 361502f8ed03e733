package io.sitemove.wordpress.internal.serialized;

/** Rewrites the content of one serialized string (never a key or a class name). */
@FunctionalInterface
public interface StringRewriter {
    /**
     * The new content of a string value, or the same array when nothing changed.
     *
     * @param content the string's bytes, exactly as many as its length prefix says
     * @param counter where replacements are counted
     * @throws UnchangeableException when the string must be left as it is and the whole value reported
     */
    byte[] rewrite(byte[] content, Counter counter) throws UnchangeableException;
}
