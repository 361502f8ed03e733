package io.sitemove.sync.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commands that bring staged entries into place, run from the receiving root: each file, link
 * and new directory is renamed from the staging directory into its parent (a new directory takes its
 * whole staged subtree along in one rename), then the directories that already existed get the
 * sender's mode and mtime back, which the renames disturbed. Renames replace an old file at once, so
 * no reader ever sees a partial file.
 */
public final class PlaceCommands {
    static final int MAX_PATHS = 1000;
    static final int MAX_BYTES = 96 * 1024;

    private PlaceCommands() {
    }

    /**
     * @param staging the staging directory's name inside the root
     * @param send the entries to place, all present in the staging directory under the same relative path
     * @param existing what the receiving root holds now, by path (after deletions)
     */
    public static List<List<String>> of(String staging, List<FileEntry> send, Map<String, FileEntry> existing) {
        List<FileEntry> byDepth = new ArrayList<>(send);
        byDepth.sort(Comparator.comparingInt(FileEntry::depth));
        Set<String> movedDirs = new HashSet<>();
        Map<String, List<String>> moves = new LinkedHashMap<>();
        List<FileEntry> keptDirs = new ArrayList<>();
        for (FileEntry entry : byDepth) {
            if (underMovedDir(entry.path(), movedDirs)) {
                continue;
            }
            FileEntry there = existing.get(entry.path());
            if (entry.isDir() && there != null && there.isDir()) {
                keptDirs.add(entry);
                continue;
            }
            if (entry.isDir()) {
                movedDirs.add(entry.path());
            }
            moves.computeIfAbsent(parent(entry.path()), p -> new ArrayList<>()).add("./" + staging + "/" + entry.path());
        }
        List<List<String>> commands = new ArrayList<>();
        moves.forEach((dir, sources) -> batch(commands, List.of("mv", "-f", "-t", dir.isEmpty() ? "." : "./" + dir, "--"),
                sources));
        Map<Integer, List<String>> chmods = new TreeMap<>();
        Map<Long, List<String>> touches = new TreeMap<>();
        for (FileEntry dir : keptDirs) {
            if (dir.mode() != existing.get(dir.path()).mode()) {
                chmods.computeIfAbsent(dir.mode(), m -> new ArrayList<>()).add("./" + dir.path());
            }
            touches.computeIfAbsent(dir.mtime(), t -> new ArrayList<>()).add("./" + dir.path());
        }
        chmods.forEach((mode, paths) -> batch(commands, List.of("chmod", String.format("0%04o", mode), "--"), paths));
        touches.forEach((mtime, paths) -> batch(commands, List.of("touch", "-c", "-h", "-d", "@" + mtime, "--"), paths));
        return commands;
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

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
