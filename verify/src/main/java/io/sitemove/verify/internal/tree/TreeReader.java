package io.sitemove.verify.internal.tree;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.verify.internal.Printable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists and hashes one side's tree over SSH. */
public final class TreeReader {
    private static final Logger LOG = LoggerFactory.getLogger(TreeReader.class);
    private static final int XARGS_SOME_FAILED = 123;

    private TreeReader() {
    }

    /** Lists the tree under {@code root}, leaving out what the exclusions match. */
    public static TreeSide list(SshConnection ssh, String root, Exclusions exclusions) {
        ExecResult result = ssh.exec(TreeCommands.listing(root)).requireSuccess("list the files under " + root);
        TreeListing listing;
        try {
            listing = TreeListingParser.parseListing(result.stdout());
        } catch (IllegalArgumentException e) {
            throw MigrationException.permanent("server " + ssh.server() + ": the listing of " + root
                    + " could not be read (" + e.getMessage() + "); check that GNU find is installed", e);
        }
        Map<String, TreeEntry> byPath = new HashMap<>();
        Set<String> holdingExcluded = new HashSet<>();
        for (TreeEntry entry : listing.entries()) {
            if (!exclusions.excludes(entry.path())) {
                byPath.put(entry.path(), entry);
            } else {
                holdingExcluded.add(TreeEntry.parent(entry.path()));
            }
        }
        return new TreeSide(byPath, holdingExcluded, listing.rootChanged());
    }

    /** SHA-256 (hex) of the given files under {@code root}, by relative path; unreadable ones left out. */
    public static Map<String, String> hash(SshConnection ssh, String root, SortedSet<String> files) {
        if (files.isEmpty()) {
            return Map.of();
        }
        String prefix = TreeCommands.prefix(root);
        ExecResult result = ssh.exec(TreeCommands.hashing(), TreeListingParser.nulTerminated(files, prefix));
        if (result.exitCode() != XARGS_SOME_FAILED) {
            result.requireSuccess("hash the files under " + root);
        } else {
            LOG.warn("server {}: some files under {} could not be read: {}", ssh.server(), root,
                    Printable.excerpt(result.stderr(), 500));
        }
        try {
            return TreeListingParser.parseHashes(result.stdout(), prefix);
        } catch (IllegalArgumentException e) {
            throw MigrationException.permanent("server " + ssh.server() + ": the hashes of files under " + root
                    + " could not be read (" + e.getMessage() + "); check that GNU coreutils' sha256sum is installed", e);
        }
    }
}
