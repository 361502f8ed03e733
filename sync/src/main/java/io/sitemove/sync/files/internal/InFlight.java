package io.sitemove.sync.files.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a sync sent whose size or mtime moved on the sending side between its listing and the end of
 * the transfer (a log being appended to, an upload landing): what arrived may be a partial snapshot.
 *
 * @param relisted the sending tree listed again after the transfer
 * @param changed the sent files that moved, by path
 */
record InFlight(List<FileEntry> relisted, List<FileEntry> changed) {
    InFlight {
        relisted = List.copyOf(relisted);
        changed = List.copyOf(changed);
    }

    /** Lists the sending tree again and compares the files the plan sent with what they are now. */
    static InFlight after(Comparison c) {
        List<FileEntry> files = c.plan().send().stream().filter(FileEntry::isFile).toList();
        if (files.isEmpty()) {
            return new InFlight(List.of(), List.of());
        }
        List<FileEntry> now = c.sender().manifest(false);
        return new InFlight(now, moved(files, now));
    }

    /** The entries of {@code sent} whose size or mtime differs in {@code now} (vanished ones aside). */
    static List<FileEntry> moved(List<FileEntry> sent, List<FileEntry> now) {
        Map<String, FileEntry> current = new HashMap<>();
        for (FileEntry e : now) {
            current.put(e.path(), e);
        }
        List<FileEntry> moved = new ArrayList<>();
        for (FileEntry e : sent) {
            FileEntry later = current.get(e.path());
            if (later != null && (later.size() != e.size() || later.mtime() != e.mtime())) {
                moved.add(e);
            }
        }
        return moved;
    }

    /** Their display paths, for the details. */
    List<String> paths() {
        return changed.stream().map(FileEntry::displayPath).toList();
    }
}
