package io.sitemove.sync.files.internal;

import io.sitemove.sync.files.Exclusions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to do to make a receiving tree equal to a sending one, from their two manifests: entries to
 * send (new or changed content, in manifest order, parents first), entries to delete (deepest first),
 * and attributes to correct in place (mode, mtime, owner) on entries whose content already agrees.
 * All names of a hard-linked file travel together when the receiver does not hold them as one file, so
 * they arrive as one. Entries of types other than file, directory and link (sockets, fifos, devices)
 * are neither sent nor deleted.
 */
public final class DeltaPlan {
    private final List<FileEntry> send = new ArrayList<>();
    private final List<FileEntry> delete = new ArrayList<>();
    private final List<FileEntry> skipped = new ArrayList<>();
    private final List<AttributeFix> fixes = new ArrayList<>();
    private long newOrChanged;
    private long attributeOnly;
    private long sendBytes;
    private long receiverEntries;
    private long vanished;

    private DeltaPlan() {
    }

    /** Compares the two manifests, leaving excluded paths alone on both sides and owners unmanaged. */
    public static DeltaPlan compare(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions) {
        return compare(sender, receiver, exclusions, Ownership.none());
    }

    /** Compares the two manifests, leaving excluded paths alone on both sides; size and mtime tell changed files. */
    public static DeltaPlan compare(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions,
            Ownership ownership) {
        return compare(sender, receiver, exclusions, ownership, ContentCheck.none());
    }

    /**
     * Compares the two manifests, leaving excluded paths alone on both sides. Where the content check has
     * a verdict for a file, it decides whether the file is sent; an unchanged file whose mtime alone
     * differs then gets its mtime corrected in place.
     */
    public static DeltaPlan compare(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions,
            Ownership ownership, ContentCheck content) {
        DeltaPlan plan = new DeltaPlan();
        Sides sides = plan.index(sender, receiver, exclusions);
        Map<String, AttributeFix> fixes = new HashMap<>();
        Set<String> chosen = choose(sender, sides, ownership, content, fixes);
        plan.planDeletions(sides);
        plan.planSends(sender, sides, chosen, fixes);
        for (FileEntry entry : sender) {
            AttributeFix fix = fixes.get(entry.path());
            if (fix != null && !chosen.contains(entry.path())) {
                plan.fixes.add(fix);
                if (fix.differs()) {
                    plan.attributeOnly++;
                }
            }
        }
        return plan;
    }

    /**
     * Both manifests by path, exclusions left out, and the sender's entries of unsupported types.
     *
     * @param ours the sender's entries to compare
     * @param theirs the receiver's entries to compare
     * @param keptOnReceiver the receiver's excluded paths, which stay
     */
    private record Sides(Map<String, FileEntry> ours, Map<String, FileEntry> theirs, Set<String> keptOnReceiver) {
    }

    private Sides index(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions) {
        Map<String, FileEntry> theirs = new HashMap<>();
        Set<String> keptOnReceiver = new HashSet<>();
        for (FileEntry entry : receiver) {
            if (!exclusions.excludes(entry.path())) {
                theirs.put(entry.path(), entry);
                receiverEntries++;
            } else {
                keptOnReceiver.add(entry.path());
            }
        }
        Map<String, FileEntry> ours = new HashMap<>();
        for (FileEntry entry : sender) {
            if (exclusions.excludes(entry.path())) {
                continue;
            }
            if (!supported(entry)) {
                skipped.add(entry);
                continue;
            }
            ours.put(entry.path(), entry);
        }
        return new Sides(ours, theirs, keptOnReceiver);
    }

    /**
     * The paths to send: new or changed entries, with every name of a hard-linked file that must travel
     * together; puts the attribute fixes of the entries that stay into {@code fixes}.
     */
    private static Set<String> choose(List<FileEntry> sender, Sides sides, Ownership ownership, ContentCheck content,
            Map<String, AttributeFix> fixes) {
        HardLinks links = new HardLinks(sides.ours().values(), sides.theirs().values());
        Set<String> chosen = new HashSet<>();
        for (FileEntry entry : sender) {
            if (!sides.ours().containsKey(entry.path())) {
                continue;
            }
            FileEntry existing = sides.theirs().get(entry.path());
            Boolean verdict = entry.isFile() ? content.sameContent(entry.path()) : null;
            boolean same = existing != null && existing.type() == entry.type()
                    && (verdict != null ? verdict : sameContent(entry, existing));
            if (!same || links.mustRelink(entry)) {
                chosen.add(entry.path());
                links.namesOf(entry).forEach(chosen::add);
                continue;
            }
            boolean mode = !entry.isLink() && entry.mode() != existing.mode();
            boolean mtime = !entry.isLink() && entry.mtime() != existing.mtime();
            String wanted = ownership.wanted(entry);
            String owner = wanted != null && !wanted.equals(existing.owner()) ? wanted : null;
            if (mode || mtime || owner != null) {
                fixes.put(entry.path(), new AttributeFix(entry, mode, mtime, owner, true));
            }
        }
        return chosen;
    }

    /** The receiver's entries the sender lacks or holds as another type, deepest first; excluded paths' parents stay. */
    private void planDeletions(Sides sides) {
        for (FileEntry entry : sides.theirs().values()) {
            FileEntry mine = sides.ours().get(entry.path());
            if (supported(entry) && (mine == null || mine.type() != entry.type())) {
                delete.add(entry);
            }
            if (supported(entry) && mine == null) {
                vanished++;
            }
        }
        dropDirsHoldingKeptEntries(sides.keptOnReceiver());
        delete.sort(Comparator.comparingInt(FileEntry::depth).reversed().thenComparing(FileEntry::path));
    }

    /**
     * The chosen entries in the sender's order; a directory that stays but gains or loses an entry gets its
     * mtime corrected after.
     */
    private void planSends(List<FileEntry> sender, Sides sides, Set<String> chosen, Map<String, AttributeFix> fixes) {
        Set<String> disturbed = new HashSet<>();
        chosen.forEach(path -> disturbed.add(parent(path)));
        delete.forEach(e -> disturbed.add(parent(e.path())));
        for (FileEntry entry : sender) {
            if (chosen.contains(entry.path())) {
                send.add(entry);
                newOrChanged++;
                if (entry.isFile()) {
                    sendBytes += entry.size();
                }
            } else if (entry.isDir() && disturbed.contains(entry.path()) && sides.ours().containsKey(entry.path())) {
                AttributeFix fix = fixes.get(entry.path());
                fixes.put(entry.path(), fix == null ? new AttributeFix(entry, false, true, null, false)
                        : new AttributeFix(entry, fix.mode(), true, fix.owner(), true));
            }
        }
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

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
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

    /** The names of each hard-linked file on both sides, to tell whether the receiver holds them as one. */
    private static final class HardLinks {
        private final Map<String, Set<String>> senderNames = new HashMap<>();
        private final Map<String, String> senderInode = new HashMap<>();
        private final Map<String, Set<String>> receiverNames = new HashMap<>();
        private final Map<String, String> receiverInode = new HashMap<>();

        HardLinks(Iterable<FileEntry> sender, Iterable<FileEntry> receiver) {
            index(sender, senderNames, senderInode);
            index(receiver, receiverNames, receiverInode);
        }

        private static void index(Iterable<FileEntry> entries, Map<String, Set<String>> names,
                Map<String, String> inodes) {
            for (FileEntry e : entries) {
                if (e.isFile() && e.isHardLinked()) {
                    names.computeIfAbsent(e.inode(), i -> new TreeSet<>()).add(e.path());
                    inodes.put(e.path(), e.inode());
                }
            }
        }

        /** The other names of the sender's file, besides its own. */
        Set<String> namesOf(FileEntry entry) {
            String inode = senderInode.get(entry.path());
            return inode == null ? Set.of() : senderNames.get(inode);
        }

        /** Whether the file's names on the sender and on the receiver make different groups. */
        boolean mustRelink(FileEntry entry) {
            if (!entry.isFile() || (senderInode.isEmpty() && receiverInode.isEmpty())) {
                return false;
            }
            return !Objects.equals(group(entry.path(), senderInode, senderNames),
                    group(entry.path(), receiverInode, receiverNames));
        }

        private static Set<String> group(String path, Map<String, String> inodes, Map<String, Set<String>> names) {
            String inode = inodes.get(path);
            Set<String> group = inode == null ? null : names.get(inode);
            return group == null || group.size() < 2 ? Set.of(path) : group;
        }
    }

    /** Entries to send, in the sender's order (parents before children): the new and changed ones. */
    public List<FileEntry> send() {
        return List.copyOf(send);
    }

    /**
     * Attributes to correct in place, in the sender's order: entries whose mode, mtime or owner differ,
     * and directories whose mtime the transfer or the deletions will disturb.
     */
    public List<AttributeFix> fixes() {
        return List.copyOf(fixes);
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

    /** Entries whose mode, mtime or owner alone are corrected. */
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
