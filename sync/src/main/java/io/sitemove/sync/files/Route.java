package io.sitemove.sync.files;

/**
 * The way one sync's file contents actually travelled ({@link FileSyncDetails#route()}); {@link Strategy}
 * says which ways a syncer may take, this says which one a sync took.
 */
public enum Route {
    /** rsync on the sending server pushed straight to the receiving one ({@link Strategy#DIRECT}). */
    DIRECT,
    /** A tar stream through this process ({@link Strategy#RELAY}). */
    RELAY,
    /** Nothing needed sending: the sync only deleted entries or corrected attributes, or found none to change. */
    NONE
}
