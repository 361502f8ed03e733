package io.sitemove.verify.internal.tree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveChangesTest {
    private static final long SYNC_STARTED = 1_000;

    private final Map<String, TreeEntry> source = new HashMap<>();

    @Test
    void anEntryModifiedAtOrAfterTheSyncsStartIsPending() {
        put(file("new.php", 1_000, 1_000));
        put(file("later.php", 1_500, 1_500));
        put(file("before.php", 999, 999));

        LiveChanges live = LiveChanges.since(SYNC_STARTED, source, 0);

        assertTrue(live.pending("new.php"));
        assertTrue(live.pending("later.php"));
        assertFalse(live.pending("before.php"));
    }

    @Test
    void anEntryWhoseMtimeWasSetBackButWhoseCtimeIsNewIsPending() {
        put(file("restored.php", 10, 1_200));

        assertTrue(LiveChanges.since(SYNC_STARTED, source, 0).pending("restored.php"));
    }

    @Test
    void anEntryDeletedSinceTheSyncIsPendingWhenItsNearestDirectoryChangedThen() {
        put(dir("wp-content", 1_100));
        put(dir("wp-content/uploads", 500));

        LiveChanges live = LiveChanges.since(SYNC_STARTED, source, 200);

        assertTrue(live.pending("wp-content/deleted.jpg"));
        assertTrue(live.pending("wp-content/gone/dir/deleted.jpg"));
        assertFalse(live.pending("wp-content/uploads/deleted-long-ago.jpg"));
        assertFalse(live.pending("top-level-deleted-long-ago.php"));
        assertTrue(LiveChanges.since(SYNC_STARTED, source, 1_000).pending("top-level-deleted-now.php"));
    }

    @Test
    void withoutALastSyncNothingIsPending() {
        put(file("new.php", 1_000_000, 1_000_000));

        assertFalse(LiveChanges.none().pending("new.php"));
        assertFalse(LiveChanges.none().pending("deleted.php"));
        assertFalse(LiveChanges.none().any());
    }

    private void put(TreeEntry entry) {
        source.put(entry.path(), entry);
    }

    private static TreeEntry file(String path, long mtime, long ctime) {
        return new TreeEntry(path, EntryType.FILE, 0644, "u:g", 1, mtime, ctime, "");
    }

    private static TreeEntry dir(String path, long changed) {
        return new TreeEntry(path, EntryType.DIRECTORY, 0755, "u:g", 4096, changed, changed, "");
    }
}
