package io.sitemove.sync.files.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commands that finish a sync on the receiving side, run from its root: each staged file, link and
 * new directory is renamed from the staging directory into its parent (a new directory takes its whole
 * staged subtree along in one rename); then attributes are corrected in place, owners first (a change
 * of owner clears set-user-ID bits), then modes, then mtimes (last, since renames disturb directories'
 * mtimes). Renames replace an old file at once, so no reader ever sees a partial file.
 */
public final class PlaceCommands {
    static final int MAX_PATHS = 1000;
    static final int MAX_BYTES = 96 * 1024;
    private static final int SPECIAL_BITS = 07000;

    private PlaceCommands() {
    }

    /**
     * @param staging the staging directory's name inside the root; null when nothing was staged
     * @param send the entries to place, all present in the staging directory under the same relative path
     * @param existing what the receiving root holds now, by path (after deletions)
     * @param fixes the attributes to correct on entries already in place
     * @param fixedOwner the {@code user:group} every placed entry gets, or null to keep what tar gave them
     */
    public static List<List<String>> of(String staging, List<FileEntry> send, Map<String, FileEntry> existing,
            List<AttributeFix> fixes, String fixedOwner) {
        List<List<String>> commands = new ArrayList<>();
        List<AttributeFix> all = new ArrayList<>(fixes);
        Map<String, List<String>> chowns = new TreeMap<>();
        Map<Integer, List<String>> chmods = new TreeMap<>();
        Map<Long, List<String>> touches = new TreeMap<>();
        if (!send.isEmpty()) {
            if (fixedOwner != null) {
                commands.add(List.of("chown", "-R", "-h", "-P", fixedOwner, "--", "./" + staging));
                send.stream().filter(e -> !e.isLink() && (e.mode() & SPECIAL_BITS) != 0)
                        .forEach(e -> chmods.computeIfAbsent(e.mode(), m -> new ArrayList<>()).add("./" + e.path()));
            }
            moves(commands, staging, send, existing, all);
        }
        for (AttributeFix fix : all) {
            String path = "./" + fix.entry().path();
            if (fix.owner() != null) {
                chowns.computeIfAbsent(fix.owner(), o -> new ArrayList<>()).add(path);
            }
            if (fix.mode() || (fix.owner() != null && (fix.entry().mode() & SPECIAL_BITS) != 0)) {
                chmods.computeIfAbsent(fix.entry().mode(), m -> new ArrayList<>()).add(path);
            }
            if (fix.mtime()) {
                touches.computeIfAbsent(fix.entry().mtime(), t -> new ArrayList<>()).add(path);
            }
        }
        chowns.forEach((owner, paths) -> batch(commands, List.of("chown", "-h", owner, "--"), paths));
        chmods.forEach((mode, paths) -> batch(commands, List.of("chmod", String.format("0%04o", mode), "--"), paths));
        touches.forEach((mtime, paths) -> batch(commands, List.of("touch", "-c", "-h", "-d", "@" + mtime, "--"), paths));
        return commands;
    }

    private static void moves(List<List<String>> commands, String staging, List<FileEntry> send,
            Map<String, FileEntry> existing, List<AttributeFix> fixes) {
        List<FileEntry> byDepth = new ArrayList<>(send);
        byDepth.sort(Comparator.comparingInt(FileEntry::depth));
        Set<String> movedDirs = new HashSet<>();
        Map<String, List<String>> moves = new LinkedHashMap<>();
        for (FileEntry entry : byDepth) {
            if (underMovedDir(entry.path(), movedDirs)) {
                continue;
            }
            FileEntry there = existing.get(entry.path());
            if (entry.isDir() && there != null && there.isDir()) {
                if (fixes.stream().noneMatch(f -> f.entry().path().equals(entry.path()))) {
                    fixes.add(new AttributeFix(entry, entry.mode() != there.mode(), true, null, false));
                }
                continue;
            }
            if (entry.isDir()) {
                movedDirs.add(entry.path());
            }
            moves.computeIfAbsent(DeltaPlan.parent(entry.path()), p -> new ArrayList<>())
                    .add("./" + staging + "/" + entry.path());
        }
        moves.forEach((dir, sources) -> batch(commands, List.of("mv", "-f", "-t", dir.isEmpty() ? "." : "./" + dir,
                "--"), sources));
    }

    private static boolean underMovedDir(String path, Set<String> movedDirs) {
        if (movedDirs.isEmpty()) {
            return false;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (movedDirs.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** Appends the command once per slice of paths, keeping each command line well under the system's limit. */
    static void batch(List<List<String>> commands, List<String> head, List<String> paths) {
        List<String> current = new ArrayList<>(head);
        int bytes = 0;
        for (String path : paths) {
            if (current.size() > head.size() && (current.size() - head.size() >= MAX_PATHS
                    || bytes + path.length() > MAX_BYTES)) {
                commands.add(current);
                current = new ArrayList<>(head);
                bytes = 0;
            }
            current.add(path);
            bytes += path.length() + 3;
        }
        if (current.size() > head.size()) {
            commands.add(current);
        }
    }
}
