package io.sitemove.verify.internal.db;

/**
 * One row that differs between the servers.
 *
 * @param key the key as {@link io.sitemove.sync.mysql.TableComparer#keyText} writes it
 * @param shown the key as a person reads it ({@code id=3}, {@code (a, b)=(1, 'x')})
 * @param kind what differs
 * @param sourceHash the row's MD5 on the source, or null when it is not there
 * @param targetHash the row's MD5 on the target, or null when it is not there
 */
record RowDiff(String key, String shown, Kind kind, String sourceHash, String targetHash) {
    /** How the row differs. */
    enum Kind {
        /** On the source, not on the target. */
        MISSING,
        /** On the target, not on the source. */
        EXTRA,
        /** On both, with other values. */
        CONTENT
    }

    static RowDiff of(String key, String shown, String sourceHash, String targetHash) {
        Kind kind = sourceHash == null ? Kind.EXTRA : targetHash == null ? Kind.MISSING : Kind.CONTENT;
        return new RowDiff(key, shown, kind, sourceHash, targetHash);
    }
}
