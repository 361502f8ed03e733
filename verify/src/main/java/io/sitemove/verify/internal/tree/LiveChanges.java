package io.sitemove.verify.internal.tree;

import java.util.Map;

/**
 * Which differences are changes still on their way: made on the live source after the last sync
 * started, so that sync may not have seen them and the next one carries them. An entry the source has
 * is such a change when its mtime or ctime is at or after the sync's start; an entry the source no
 * longer has, when the nearest directory the source still has (the root at the latest) changed then,
 * as deleting or renaming an entry changes its directory.
 */
public final class LiveChanges {
    private static final LiveChanges NONE = new LiveChanges(Long.MAX_VALUE, Map.of(), Long.MIN_VALUE);

    private final long since;
    private final Map<String, TreeEntry> source;
    private final long rootChanged;

    private LiveChanges(long since, Map<String, TreeEntry> source, long rootChanged) {
        this.since = since;
        this.source = source;
        this.rootChanged = rootChanged;
    }

    /** Nothing is pending: no sync to compare with, or the source is read-only (the cutover). */
    public static LiveChanges none() {
        return NONE;
    }

    /**
     * Changes made since the given second of the source's clock are pending.
     *
     * @param sinceSecond the last sync's start on the source's clock, whole seconds, taken early
     * @param source the source's entries by relative path
     * @param rootChanged when the source's root directory last changed
     */
    public static LiveChanges since(long sinceSecond, Map<String, TreeEntry> source, long rootChanged) {
        return new LiveChanges(sinceSecond, Map.copyOf(source), rootChanged);
    }

    /** Whether any change is taken as pending. */
    public boolean any() {
        return since != Long.MAX_VALUE;
    }

    /** Whether a difference at this path is a change on the source since the last sync. */
    public boolean pending(String path) {
        if (!any()) {
            return false;
        }
        TreeEntry entry = source.get(path);
        if (entry != null) {
            return entry.changed() >= since;
        }
        String dir = TreeEntry.parent(path);
        while (!dir.isEmpty()) {
            TreeEntry holder = source.get(dir);
            if (holder != null) {
                return holder.changed() >= since;
            }
            dir = TreeEntry.parent(dir);
        }
        return rootChanged >= since;
    }
}
