package io.sitemove.sync.files.internal;

/**
 * Attributes to correct on an entry the receiver already holds with the right content.
 *
 * @param entry the sender's entry (path, mode and mtime to set)
 * @param mode whether the mode differs
 * @param mtime whether the mtime must be set (it differs, or transfers into the directory will disturb it)
 * @param owner the {@code user:group} to set, or null to leave the owner alone
 * @param differs whether the receiver's attributes really differ (counted as a fix), rather than only
 *     about to be disturbed
 */
public record AttributeFix(FileEntry entry, boolean mode, boolean mtime, String owner, boolean differs) {
}
