package io.sitemove.verify.internal.tree;

import io.sitemove.spi.Finding;
import io.sitemove.verify.ContentHashes;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the listings of two trees, entry by entry, and the hashes of the files whose content had to
 * be compared. Findings name the entry (made printable) as their subject, one finding per kind of
 * difference (missing, extra, type, content, mode, owner, mtime, link-target, unreadable); the
 * differences of an entry the source changed since the last sync are pending.
 */
public final class TreeComparison {
    private static final String SYNC = "sync the files again";
    private static final String ON_ITS_WAY = "changed on the source since the last sync started; the next sync carries it";

    private final TreeSide source;
    private final TreeSide target;
    private final Attributes attributes;
    private final SortedSet<String> all = new TreeSet<>();

    /** How many entries differ, and how many of those only by changes still on their way. */
    public record Tally(int differing, int pending) {
    }

    /** Compares the two sides' trees, as listed after the exclusions, on the given attributes. */
    public TreeComparison(TreeSide source, TreeSide target, Attributes attributes) {
        this.source = source;
        this.target = target;
        this.attributes = attributes;
        all.addAll(source.entries().keySet());
        all.addAll(target.entries().keySet());
    }

    /** How many distinct entries the two trees hold together. */
    public int entries() {
        return all.size();
    }

    /** The regular files on both sides whose content is read, by the given rule. */
    public SortedSet<String> filesToHash(ContentHashes when) {
        SortedSet<String> out = new TreeSet<>();
        if (when == ContentHashes.NEVER) {
            return out;
        }
        for (String path : all) {
            TreeEntry s = source.entries().get(path);
            TreeEntry t = target.entries().get(path);
            if (s != null && t != null && s.isFile() && t.isFile() && s.size() == t.size()
                    && (when == ContentHashes.ALWAYS || s.mtime() != t.mtime())) {
                out.add(path);
            }
        }
        return out;
    }

    /** The total size of the given files on the source side. */
    public long sourceBytes(Set<String> paths) {
        long bytes = 0;
        for (String path : paths) {
            bytes += source.entries().get(path).size();
        }
        return bytes;
    }

    /**
     * Compares every entry; adds its findings, marked pending where {@code live} says so.
     *
     * @param hashes the files whose content was hashed on both sides, with SHA-256 (hex) by path on each
     */
    public Tally compare(Hashes hashes, LiveChanges live, Findings findings) {
        int differing = 0;
        int pending = 0;
        for (String path : all) {
            List<Finding> found = compareOne(path, hashes);
            if (found.isEmpty()) {
                continue;
            }
            differing++;
            boolean onItsWay = live.pending(path);
            pending += onItsWay ? 1 : 0;
            for (Finding f : found) {
                findings.add(onItsWay ? pendingFinding(f) : f);
            }
        }
        return new Tally(differing, pending);
    }

    private static Finding pendingFinding(Finding f) {
        return new Finding(f.check(), f.subject(), f.expected(), f.actual(), f.severity(), ON_ITS_WAY, true);
    }

    private List<Finding> compareOne(String path, Hashes hashes) {
        TreeEntry s = source.entries().get(path);
        TreeEntry t = target.entries().get(path);
        String name = Printable.of(path);
        List<Finding> out = new ArrayList<>();
        if (t == null) {
            out.add(Finding.blocking("missing", name, s.type().label() + " (source)", "nothing", SYNC));
        } else if (s == null) {
            out.add(Finding.blocking("extra", name, "nothing (source)", t.type().label(),
                    "remove it on the target or sync the files again with deletion"));
        } else if (s.type() != t.type()) {
            out.add(Finding.blocking("type", name, s.type().label() + " (source)", t.type().label(), SYNC));
        } else {
            compareAttributes(path, name, s, t, out);
            if (s.isFile()) {
                compareContent(path, name, s, t, hashes, out);
            }
        }
        return out;
    }

    private void compareAttributes(String path, String name, TreeEntry s, TreeEntry t, List<Finding> out) {
        boolean link = s.type() == EntryType.SYMLINK;
        if (s.mode() != t.mode() && !link) {
            out.add(Finding.blocking("mode", name, String.format("%04o (source)", s.mode()),
                    String.format("%04o", t.mode()), SYNC));
        }
        if (attributes.owner()) {
            String wanted = attributes.targetOwner().orElse(s.owner());
            if (!wanted.equals(t.owner())) {
                String whence = attributes.targetOwner().isPresent() ? " (the file syncer's target owner)" : " (source)";
                out.add(Finding.blocking("owner", name, Printable.of(wanted) + whence, Printable.of(t.owner()), SYNC));
            }
        }
        if (link && !s.linkTarget().equals(t.linkTarget())) {
            out.add(Finding.blocking("link-target", name, "-> " + Printable.of(s.linkTarget()) + " (source)",
                    "-> " + Printable.of(t.linkTarget()), SYNC));
        }
        if (attributes.mtime() && s.mtime() != t.mtime() && mtimeKept(path, s)) {
            out.add(Finding.blocking("mtime", name, Instant.ofEpochSecond(s.mtime()) + " (source)",
                    Instant.ofEpochSecond(t.mtime()).toString(), SYNC));
        }
    }

    private boolean mtimeKept(String path, TreeEntry s) {
        if (s.isFile()) {
            return true;
        }
        return s.type() == EntryType.DIRECTORY && !source.holdingExcluded().contains(path)
                && !target.holdingExcluded().contains(path);
    }

    private static void compareContent(String path, String name, TreeEntry s, TreeEntry t, Hashes hashes,
            List<Finding> out) {
        if (s.size() != t.size()) {
            out.add(Finding.blocking("content", name, s.size() + " bytes (source)", t.size() + " bytes", SYNC));
            return;
        }
        if (!hashes.hashed().contains(path)) {
            return;
        }
        String sh = hashes.source().get(path);
        String th = hashes.target().get(path);
        if (sh == null || th == null) {
            out.add(Finding.blocking("unreadable", name, "", "could not be read on " + (sh == null ? "source" : "target"),
                    "check its permissions for the SSH user"));
        } else if (!sh.equals(th)) {
            out.add(Finding.blocking("content", name, "sha256 " + sh.substring(0, 16) + "... (source)",
                    "sha256 " + th.substring(0, 16) + "...", SYNC));
        }
    }

    /**
     * The content hashes of one comparison.
     *
     * @param hashed the files that were hashed on both sides
     * @param source SHA-256 (hex) by path on the source
     * @param target SHA-256 (hex) by path on the target
     */
    public record Hashes(Set<String> hashed, Map<String, String> source, Map<String, String> target) {
        public Hashes {
            hashed = Set.copyOf(hashed);
            source = Map.copyOf(source);
            target = Map.copyOf(target);
        }

        /** No file was hashed. */
        public static Hashes none() {
            return new Hashes(Set.of(), Map.of(), Map.of());
        }
    }
}
