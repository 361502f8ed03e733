package io.sitemove.verify.internal.tree;

import io.sitemove.verify.internal.Printable;
import java.util.Objects;

/**
 * One entry of a file tree listing. Names are ISO-8859-1 strings: one char per byte, so any byte
 * of a remote name survives.
 *
 * @param path the path relative to the root, never empty, never absolute, no "." or ".." parts
 * @param type the type
 * @param mode the permission bits (e.g. 0644)
 * @param owner {@code user:group} by name, or by number where the server has no name for it
 * @param size the size in bytes
 * @param mtime the modification time, whole seconds since the epoch (the server's clock)
 * @param ctime the status change time, whole seconds since the epoch (the server's clock)
 * @param linkTarget the link target for a symlink, otherwise empty
 */
public record TreeEntry(String path, EntryType type, int mode, String owner, long size, long mtime, long ctime,
        String linkTarget) {
    public TreeEntry {
        Objects.requireNonNull(path, "path cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(owner, "owner cannot be null");
        Objects.requireNonNull(linkTarget, "linkTarget cannot be null");
        if (!isSafeRelative(path)) {
            throw new IllegalArgumentException("'" + Printable.of(path) + "' is not a path relative to the root");
        }
    }

    /** Whether the path is relative, non-empty, and has no empty, "." or ".." parts. */
    public static boolean isSafeRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is a regular file. */
    public boolean isFile() {
        return type == EntryType.FILE;
    }

    /** The later of mtime and ctime: when the entry last changed in any way a sync would carry. */
    public long changed() {
        return Math.max(mtime, ctime);
    }

    /** The directory holding this entry, or empty for an entry at the top of the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
