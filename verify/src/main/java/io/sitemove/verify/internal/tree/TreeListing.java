package io.sitemove.verify.internal.tree;

import java.util.List;

/**
 * A tree as its listing shows it: when the root directory itself last changed, and every entry below it.
 *
 * @param rootChanged the later of the root's mtime and ctime, whole seconds (the server's clock)
 * @param entries the entries below the root, in the order listed
 */
public record TreeListing(long rootChanged, List<TreeEntry> entries) {
    public TreeListing {
        entries = List.copyOf(entries);
    }
}
