package io.sitemove.verify;

/**
 * When {@link TreeHashVerifier} reads files to compare their content by SHA-256. Files whose sizes
 * differ differ in content without being read; the choice is about files of the same size on both sides.
 *
 * <pre>{@code
 * TreeHashVerifier.builder().from(files)
 *     .contentHashes(ContentHashes.ALWAYS)                                     // every stage
 *     .contentHashes(VerifyStage.CUTOVER, ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER)
 *     .build();
 * }</pre>
 */
public enum ContentHashes {
    /** Never: a file of the same size is taken as identical (and its mtime compared, if asked). */
    NEVER,
    /**
     * Only files whose mtimes differ (sizes differing already say the content does): a file with the
     * same size and mtime is taken as identical, as the file syncer itself takes it. Fast, since it reads
     * only what changed; a change that kept size and mtime goes unseen. The default at CUTOVER.
     */
    WHEN_SIZE_OR_MTIME_DIFFER,
    /**
     * Every file present on both sides with the same size: reads the whole tree on both servers, and
     * catches a change that kept size and mtime. The default at FUNCTIONAL.
     */
    ALWAYS
}
