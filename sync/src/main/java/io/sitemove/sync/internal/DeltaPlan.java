package io.sitemove.sync.internal;

import io.sitemove.sync.Exclusions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to do to make a receiving tree equal to a sending one, from their two manifests: entries to
 * send (in manifest order, parents first) and entries to delete (deepest first). Entries of types
 * other than file, directory and link (sockets, fifos, devices) are neither sent nor deleted.
 */
public final class DeltaPlan {
    private final List<FileEntry> send = new ArrayList<>();
    private final List<FileEntry> delete = new ArrayList<>();
    private final List<FileEntry> skipped = new ArrayList<>();
    private long newOrChanged;
    private long attributeOnly;
    private long sendBytes;
    private long receiverEntries;
    private long vanished;

    private DeltaPlan() {
    }

    /** Compares the two manifests, leaving excluded paths alone on both sides. */
    public static DeltaPlan compare(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions) {
        DeltaPlan plan = new DeltaPlan();
        Map<String, FileEntry> theirs = new HashMap<>();
        Set<String> keptOnReceiver = new HashSet<>();
        for (FileEntry entry : receiver) {
            if (!exclusions.excludes(entry.path())) {
                theirs.put(entry.path(), entry);
                plan.receiverEntries++;
            } else {
                keptOnReceiver.add(entry.path());
            }
        }
        Map<String, FileEntry> ours = new HashMap<>();
        Set<String> chosen = new HashSet<>();
        for (FileEntry entry : sender) {
            if (exclusions.excludes(entry.path())) {
                continue;
            }
            if (!supported(entry)) {
                plan.skipped.add(entry);
                continue;
            }
            ours.put(entry.path(), entry);
            FileEntry existing = theirs.get(entry.path());
            if (existing == null || existing.type() != entry.type() || !sameContent(entry, existing)) {
                plan.count(entry, false);
                chosen.add(entry.path());
            } else if (!sameAttributes(entry, existing)) {
                plan.count(entry, true);
                chosen.add(entry.path());
            }
        }
        for (FileEntry entry : theirs.values()) {
            FileEntry mine = ours.get(entry.path());
            if (supported(entry) && (mine == null || mine.type() != entry.type())) {
                plan.delete.add(entry);
            }
            if (supported(entry) && mine == null) {
                plan.vanished++;
            }
        }
        plan.dropDirsHoldingKeptEntries(keptOnReceiver);
        plan.delete.sort(Comparator.comparingInt(FileEntry::depth).reversed().thenComparing(FileEntry::path));
        Set<String> parents = new HashSet<>();
        chosen.forEach(path -> parents.add(parent(path)));
        plan.delete.forEach(e -> parents.add(parent(e.path())));
        for (FileEntry entry : sender) {
            if (chosen.contains(entry.path()) || (entry.isDir() && parents.contains(entry.path())
                    && ours.containsKey(entry.path()))) {
                plan.send.add(entry);
            }
        }
        return plan;
    }

    private static boolean supported(FileEntry e) {
        return e.isFile() || e.isDir() || e.isLink();
    }

    private static boolean sameContent(FileEntry a, FileEntry b) {
        if (a.isLink()) {
            return a.link().equals(b.link());
        }
        if (a.isFile()) {
            return a.size() == b.size() && a.mtime() == b.mtime();
        }
        return true;
    }

    private static boolean sameAttributes(FileEntry a, FileEntry b) {
        if (a.isLink()) {
            return true;
        }
        return a.mode() == b.mode() && a.mtime() == b.mtime();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private void count(FileEntry entry, boolean attributesOnly) {
        if (attributesOnly) {
            attributeOnly++;
        } else {
            newOrChanged++;
        }
        if (entry.isFile()) {
            sendBytes += entry.size();
        }
    }

    private void dropDirsHoldingKeptEntries(Set<String> kept) {
        if (kept.isEmpty()) {
            return;
        }
        Set<String> ancestors = new HashSet<>();
        for (String path : kept) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                ancestors.add(path.substring(0, slash));
            }
        }
        delete.removeIf(e -> e.isDir() && ancestors.contains(e.path()));
    }

    /**
     * Entries to send, in the sender's order (parents before children): the new and changed ones, and
     * the directories whose mtime the transfer or the deletions will disturb.
     */
    public List<FileEntry> send() {
        return List.copyOf(send);
    }

    /** Entries to delete on the receiver, deepest first. */
    public List<FileEntry> delete() {
        return List.copyOf(delete);
    }

    /** Receiver entries the sender no longer has (deletions proper, not type replacements). */
    public long vanished() {
        return vanished;
    }

    /** Sender entries of unsupported types (sockets, fifos, devices), left out. */
    public List<FileEntry> skipped() {
        return List.copyOf(skipped);
    }

    /** Entries sent because they are new or their content changed. */
    public long newOrChanged() {
        return newOrChanged;
    }

    /** Entries sent only to correct their mode or mtime. */
    public long attributeOnly() {
        return attributeOnly;
    }

    /** Sum of the sizes of the regular files to send. */
    public long sendBytes() {
        return sendBytes;
    }

    /** Entries on the receiver that exclusions leave in play. */
    public long receiverEntries() {
        return receiverEntries;
    }
}
