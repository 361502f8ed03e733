package io.sitemove.sync.files.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to keep of a staging directory left by an interrupted sync. A staged regular file whose size,
 * mtime and mode equal the entry to send arrived whole (tar sets the mtime only after the last byte)
 * and is not sent again (unless it has several names, which must travel together to stay one file);
 * directories on the way to entries to send are kept; everything else (partial
 * files, links, stale entries) is discarded before the transfer.
 */
public final class ResumePlan {
    private final List<FileEntry> transfer = new ArrayList<>();
    private final List<FileEntry> discard = new ArrayList<>();
    private long reused;
    private long reusedBytes;

    private ResumePlan() {
    }

    /**
     * @param send the entries to bring into place, from the delta
     * @param staged what the staging directory holds, paths relative to it
     */
    public static ResumePlan of(List<FileEntry> send, List<FileEntry> staged) {
        ResumePlan plan = new ResumePlan();
        Map<String, FileEntry> wanted = new HashMap<>();
        Set<String> ancestors = new HashSet<>();
        for (FileEntry entry : send) {
            wanted.put(entry.path(), entry);
            String path = entry.path();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                ancestors.add(path.substring(0, slash));
            }
        }
        Set<String> whole = new HashSet<>();
        Set<String> gone = new HashSet<>();
        List<FileEntry> byDepth = new ArrayList<>(staged);
        byDepth.sort(Comparator.comparingInt(FileEntry::depth));
        for (FileEntry entry : byDepth) {
            if (gone.contains(parent(entry.path()))) {
                gone.add(entry.path());
                continue;
            }
            FileEntry want = wanted.get(entry.path());
            boolean keep;
            if (entry.isDir()) {
                keep = (want != null && want.isDir()) || ancestors.contains(entry.path());
            } else {
                keep = entry.isFile() && want != null && want.isFile() && !want.isHardLinked()
                        && want.size() == entry.size()
                        && want.mtime() == entry.mtime() && want.mode() == entry.mode();
                if (keep) {
                    whole.add(entry.path());
                    plan.reused++;
                    plan.reusedBytes += entry.size();
                }
            }
            if (!keep) {
                gone.add(entry.path());
                plan.discard.add(entry);
            }
        }
        for (FileEntry entry : send) {
            if (!whole.contains(entry.path())) {
                plan.transfer.add(entry);
            }
        }
        return plan;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The entries still to send, in the order given. */
    public List<FileEntry> transfer() {
        return List.copyOf(transfer);
    }

    /** Staged entries to remove, each the topmost of what goes (remove recursively). */
    public List<FileEntry> discard() {
        return List.copyOf(discard);
    }

    /** Staged files that arrived whole and are kept. */
    public long reused() {
        return reused;
    }

    /** The size of the kept files. */
    public long reusedBytes() {
        return reusedBytes;
    }
}
