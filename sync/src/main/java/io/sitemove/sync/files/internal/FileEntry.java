package io.sitemove.sync.files.internal;

import io.sitemove.remote.RemotePaths;

/**
 * One entry of a remote directory manifest. Paths and link targets are byte strings held as
 * ISO-8859-1 text, so any name (non-UTF-8 bytes included) round-trips unchanged.
 *
 * @param type 'f' regular file, 'd' directory, 'l' symbolic link, or another find(1) type letter
 * @param size size in bytes
 * @param mtime modification time in whole seconds
 * @param mode permission bits
 * @param path path relative to the root, never absolute, never with a {@code ..} segment
 * @param link the link target for symbolic links, empty otherwise
 * @param owner {@code user:group} by name (a number where the name is unknown), empty when not known
 * @param inode {@code device:inode} for a regular file with more than one name (a hard link), empty otherwise
 */
public record FileEntry(char type, long size, long mtime, int mode, String path, String link, String owner,
        String inode) {

    /** An entry without owner and hard link information. */
    public FileEntry(char type, long size, long mtime, int mode, String path, String link) {
        this(type, size, mtime, mode, path, link, "", "");
    }

    public boolean isFile() {
        return type == 'f';
    }

    public boolean isDir() {
        return type == 'd';
    }

    public boolean isLink() {
        return type == 'l';
    }

    /** Whether this is a regular file with other names elsewhere (a hard link). */
    public boolean isHardLinked() {
        return !inode.isEmpty();
    }

    /** How many segments deep the path is (1 for a top-level name). */
    public int depth() {
        int depth = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /** The path as it reads for a person (bytes decoded as UTF-8). */
    public String displayPath() {
        return RemotePaths.display(path);
    }
}
