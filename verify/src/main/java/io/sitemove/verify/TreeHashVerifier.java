package io.sitemove.verify;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Side;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.remote.Parallel;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.verify.internal.Findings;
import io.sitemove.verify.internal.Printable;
import io.sitemove.verify.internal.TreeCommands;
import io.sitemove.verify.internal.TreeComparison;
import io.sitemove.verify.internal.TreeEntry;
import io.sitemove.verify.internal.TreeListingParser;
import io.sitemove.verify.internal.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the file tree under a root on the source with the one on the target, over SSH: every
 * entry's type, permission bits and link target, and each regular file's size and SHA-256. Names
 * are compared as bytes, so any name a file system allows is handled.
 *
 * <p>At {@link VerifyStage#FUNCTIONAL} the content of every file present on both sides with the
 * same size is hashed; at {@link VerifyStage#CUTOVER} files whose size and modification time
 * (whole seconds) agree are taken as identical and only the others are hashed. Each side runs a
 * listing command ({@code find -printf}) and a hashing command ({@code xargs sha256sum -z}), the
 * two sides at once; GNU findutils and coreutils are needed on both servers.
 *
 * <pre>{@code
 * Verifier files = new TreeHashVerifier("/var/www/shop", "/srv/www/shop",
 *         List.of("wp-content/cache", "*.log"));
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class TreeHashVerifier implements Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(TreeHashVerifier.class);
    private static final int XARGS_SOME_FAILED = 123;

    private final String sourceRoot;
    private final String targetRoot;
    private final Exclusions exclusions;

    /**
     * Compares everything under the two roots.
     *
     * @param sourceRoot the absolute directory on the source
     * @param targetRoot the absolute directory on the target
     */
    public TreeHashVerifier(String sourceRoot, String targetRoot) {
        this(sourceRoot, targetRoot, List.of());
    }

    /**
     * Compares everything under the two roots except what matches one of the globs.
     *
     * @param exclusions globs as the file syncer takes them (see {@link Exclusions}): an excluded
     *     directory excludes all it holds; an interrupted sync's staging directory is always left out
     */
    public TreeHashVerifier(String sourceRoot, String targetRoot, Collection<String> exclusions) {
        this.sourceRoot = root("sourceRoot", sourceRoot);
        this.targetRoot = root("targetRoot", targetRoot);
        List<String> globs = new ArrayList<>(Objects.requireNonNull(exclusions, "exclusions cannot be null"));
        globs.add("/" + FileSyncer.STAGING_PREFIX + "*");
        this.exclusions = new Exclusions(globs);
    }

    private static String root(String what, String root) {
        Objects.requireNonNull(root, what + " cannot be null");
        if (!root.startsWith("/") || root.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " '" + Printable.of(root) + "' must be an absolute directory");
        }
        String trimmed = root;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Override
    public String name() {
        return "files";
    }

    /** FUNCTIONAL and CUTOVER: in the watch window the target changes on its own. */
    @Override
    public Set<VerifyStage> stages() {
        return Verdict.BEFORE_WATCH;
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        long start = System.nanoTime();
        Server source = ctx.source();
        Server target = ctx.target();
        try (SshConnection src = SshConnection.open(source);
                SshConnection dst = SshConnection.open(target)) {
            Parallel.Both<Map<String, TreeEntry>> listings = Parallel.onBoth("list files",
                    () -> list(src, sourceRoot), () -> list(dst, targetRoot));
            TreeComparison comparison = new TreeComparison(listings.source(), listings.target());
            boolean quick = ctx.stage() == VerifyStage.CUTOVER;
            SortedSet<String> toHash = comparison.filesToHash(quick);
            Counts work = Counts.files(toHash.size(), comparison.sourceBytes(toHash));
            ctx.progress().report(Counts.ZERO, work);
            Parallel.Both<Map<String, String>> hashes = Parallel.onBoth("hash files",
                    () -> hash(src, sourceRoot, toHash), () -> hash(dst, targetRoot, toHash));
            ctx.progress().report(work, work);
            Findings findings = new Findings();
            int differing = comparison.compare(toHash, hashes.source(), hashes.target(), findings);
            String scope = "under " + sourceRoot + " on " + source.name() + " and " + targetRoot + " on " + target.name()
                    + " (" + toHash.size() + " files hashed" + (quick ? ", others trusted by size and mtime" : "") + ")";
            LOG.debug("compared {}: {} of {} entries differ", scope, differing, comparison.entries());
            return Verdict.of(name(), differing, comparison.entries(), "entries", scope, findings, start);
        }
    }

    private Map<String, TreeEntry> list(SshConnection ssh, String root) {
        ExecResult result = ssh.exec(TreeCommands.listing(root)).requireSuccess("list the files under " + root);
        List<TreeEntry> entries;
        try {
            entries = TreeListingParser.parseListing(result.stdout());
        } catch (IllegalArgumentException e) {
            throw MigrationException.permanent("server " + ssh.server() + ": the listing of " + root
                    + " could not be read (" + e.getMessage() + "); check that GNU find is installed", e);
        }
        Map<String, TreeEntry> byPath = new HashMap<>();
        for (TreeEntry entry : entries) {
            if (!excluded(entry.path())) {
                byPath.put(entry.path(), entry);
            }
        }
        return byPath;
    }

    private boolean excluded(String path) {
        return exclusions.excludes(path);
    }

    private static Map<String, String> hash(SshConnection ssh, String root, SortedSet<String> files) {
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

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        results.addAll(preflight(ctx.server(Side.SOURCE), sourceRoot));
        results.addAll(preflight(ctx.server(Side.TARGET), targetRoot));
        return results;
    }

    private List<CheckResult> preflight(Server server, String root) {
        String check = "file tree " + root + " on " + server.name();
        try (SshConnection ssh = SshConnection.open(server)) {
            ExecResult dir = ssh.exec(TreeCommands.rootCheck(root));
            if (dir.exitCode() != 0 || !dir.stdoutText().equals("d")) {
                return List.of(CheckResult.fail(name(), check, root + " is not a readable directory on " + server
                        + " (" + Printable.excerpt(dir.stderr().strip(), 200) + "); fix the root or its permissions"));
            }
            if (ssh.exec(TreeCommands.hashToolCheck()).exitCode() != 0) {
                return List.of(CheckResult.fail(name(), check, "sha256sum is missing on " + server
                        + "; install GNU coreutils"));
            }
            return List.of(CheckResult.pass(name(), check, "SSH connects, the directory is readable, sha256sum is there"));
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return List.of(CheckResult.failed(name(), check, e));
        }
    }

    @Override
    public String toString() {
        return "TreeHashVerifier[" + sourceRoot + " -> " + targetRoot + ", excluding " + exclusions + "]";
    }
}
