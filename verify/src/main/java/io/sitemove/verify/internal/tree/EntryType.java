package io.sitemove.verify.internal.tree;

import io.sitemove.verify.internal.Printable;

/** The type of a file-tree entry, as GNU find's {@code %y} prints it. */
public enum EntryType {
    FILE('f', "file"),
    DIRECTORY('d', "directory"),
    SYMLINK('l', "symlink"),
    FIFO('p', "fifo"),
    SOCKET('s', "socket"),
    CHAR_DEVICE('c', "character device"),
    BLOCK_DEVICE('b', "block device"),
    DOOR('D', "door"),
    UNKNOWN('U', "unknown");

    private final char code;
    private final String label;

    EntryType(char code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The type for find's letter; IAE for a letter find never prints. */
    public static EntryType of(String letter) {
        if (letter.length() == 1) {
            for (EntryType t : values()) {
                if (t.code == letter.charAt(0)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown entry type '" + Printable.of(letter) + "'");
    }

    /** A word for findings ("file", "directory"). */
    public String label() {
        return label;
    }
}
