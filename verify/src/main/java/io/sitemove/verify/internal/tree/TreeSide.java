package io.sitemove.verify.internal.tree;

import java.util.Map;
import java.util.Set;

/**
 * One side's tree after the exclusions: its entries by relative path, the directories that hold an
 * excluded entry (their mtime moves with what is left out, so it is not compared), and when the root
 * directory itself last changed.
 *
 * @param entries the entries compared, by relative path
 * @param holdingExcluded the relative paths of directories that hold an excluded entry ("" for the root)
 * @param rootChanged the later of the root's mtime and ctime, whole seconds of that server's clock
 */
public record TreeSide(Map<String, TreeEntry> entries, Set<String> holdingExcluded, long rootChanged) {
    public TreeSide {
        entries = Map.copyOf(entries);
        holdingExcluded = Set.copyOf(holdingExcluded);
    }
}
