package io.sitemove.verify.internal.tree;

import java.util.List;

/**
 * The remote commands that list and hash a tree and read the clock. They need GNU findutils and
 * coreutils and no shell: every argument is passed as one argument and quoted by the transport.
 */
public final class TreeCommands {
    private static final String LISTING_FORMAT = "%y\\0%m\\0%u:%g\\0%s\\0%T@\\0%C@\\0%l\\0%P\\0";

    private TreeCommands() {
    }

    /**
     * Lists {@code root} itself (with an empty path) and every entry under it, following {@code root}
     * if it is a symlink.
     */
    public static List<String> listing(String root) {
        return List.of("find", "-H", root, "-printf", LISTING_FORMAT);
    }

    /** Hashes the NUL-terminated file names given on stdin. */
    public static List<String> hashing() {
        return List.of("xargs", "-0r", "sha256sum", "-z", "--");
    }

    /** Prints the server's clock as seconds since the epoch with nanoseconds ({@code 1700000000.123456789}). */
    public static List<String> clock() {
        return List.of("date", "+%s.%N");
    }

    /** Prints "d" when {@code root} is a directory (after following a symlink). */
    public static List<String> rootCheck(String root) {
        return List.of("find", "-H", root, "-maxdepth", "0", "-printf", "%y");
    }

    /** Exits 0 when sha256sum is there. */
    public static List<String> hashToolCheck() {
        return List.of("sha256sum", "--version");
    }

    /** The prefix the hashing command's names carry, to be removed from its output. */
    public static String prefix(String root) {
        return root.equals("/") ? "/" : root + "/";
    }
}
