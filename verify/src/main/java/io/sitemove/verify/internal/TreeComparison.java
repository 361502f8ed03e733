package io.sitemove.verify.internal;

import io.sitemove.spi.Finding;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the listings of two trees, entry by entry, and the hashes of the files whose content
 * had to be compared. Findings name the entry (made printable) and what differs.
 */
public final class TreeComparison {
    private static final String SYNC = "sync the files again";

    private final Map<String, TreeEntry> source;
    private final Map<String, TreeEntry> target;
    private final SortedSet<String> all = new TreeSet<>();

    /** Both maps keyed by relative path. */
    public TreeComparison(Map<String, TreeEntry> source, Map<String, TreeEntry> target) {
        this.source = Map.copyOf(source);
        this.target = Map.copyOf(target);
        all.addAll(source.keySet());
        all.addAll(target.keySet());
    }

    /** How many distinct entries the two trees hold together. */
    public int entries() {
        return all.size();
    }

    /**
     * The regular files present on both sides with the same size, whose content must be hashed.
     *
     * @param trustMtime when true, files whose mtime also agrees are left out (the quick check)
     */
    public SortedSet<String> filesToHash(boolean trustMtime) {
        SortedSet<String> out = new TreeSet<>();
        for (String path : all) {
            TreeEntry s = source.get(path);
            TreeEntry t = target.get(path);
            if (s != null && t != null && s.isFile() && t.isFile() && s.size() == t.size()
                    && !(trustMtime && s.mtime() == t.mtime())) {
                out.add(path);
            }
        }
        return out;
    }

    /** The total size of the given files on the source side. */
    public long sourceBytes(Set<String> paths) {
        long bytes = 0;
        for (String path : paths) {
            bytes += source.get(path).size();
        }
        return bytes;
    }

    /**
     * Compares every entry; adds one finding per difference.
     *
     * @param hashed the files whose content was hashed on both sides
     * @param sourceHashes path to SHA-256 (hex) on the source
     * @param targetHashes path to SHA-256 (hex) on the target
     * @return how many entries differ
     */
    public int compare(Set<String> hashed, Map<String, String> sourceHashes, Map<String, String> targetHashes,
            Findings findings) {
        int differing = 0;
        for (String path : all) {
            int before = (int) findings.total();
            compareOne(path, hashed, sourceHashes, targetHashes, findings);
            if (findings.total() > before) {
                differing++;
            }
        }
        return differing;
    }

    private void compareOne(String path, Set<String> hashed, Map<String, String> sourceHashes,
            Map<String, String> targetHashes, Findings findings) {
        TreeEntry s = source.get(path);
        TreeEntry t = target.get(path);
        String name = Printable.of(path);
        if (t == null) {
            findings.add(Finding.blocking("missing", name, s.type().label() + " (source)", "nothing", SYNC));
            return;
        }
        if (s == null) {
            findings.add(Finding.blocking("extra", name, "nothing (source)", t.type().label(),
                    "remove it on the target or sync the files again with deletion"));
            return;
        }
        if (s.type() != t.type()) {
            findings.add(Finding.blocking("type", name, s.type().label() + " (source)", t.type().label(), SYNC));
            return;
        }
        if (s.mode() != t.mode() && s.type() != EntryType.SYMLINK) {
            findings.add(Finding.blocking("mode", name, String.format("%04o (source)", s.mode()),
                    String.format("%04o", t.mode()), SYNC));
        }
        if (s.type() == EntryType.SYMLINK && !s.linkTarget().equals(t.linkTarget())) {
            findings.add(Finding.blocking("link-target", name, "-> " + Printable.of(s.linkTarget()) + " (source)",
                    "-> " + Printable.of(t.linkTarget()), SYNC));
        }
        if (s.isFile()) {
            compareContent(path, name, s, t, hashed, sourceHashes, targetHashes, findings);
        }
    }

    private static void compareContent(String path, String name, TreeEntry s, TreeEntry t, Set<String> hashed,
            Map<String, String> sourceHashes, Map<String, String> targetHashes, Findings findings) {
        if (s.size() != t.size()) {
            findings.add(Finding.blocking("size", name, s.size() + " bytes (source)", t.size() + " bytes", SYNC));
            return;
        }
        if (!hashed.contains(path)) {
            return;
        }
        String sh = sourceHashes.get(path);
        String th = targetHashes.get(path);
        if (sh == null || th == null) {
            findings.add(Finding.blocking("unreadable", name, "", "could not be read on " + (sh == null ? "source" : "target"),
                    "check its permissions for the SSH user"));
        } else if (!sh.equals(th)) {
            findings.add(Finding.blocking("content", name, "sha256 " + sh.substring(0, 16) + "... (source)",
                    "sha256 " + th.substring(0, 16) + "...", SYNC));
        }
    }
}
