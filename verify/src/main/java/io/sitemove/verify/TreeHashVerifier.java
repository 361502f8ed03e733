package io.sitemove.verify;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.PluginNames;
import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Side;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.verify.internal.Printable;
import io.sitemove.verify.internal.Verdict;
import io.sitemove.verify.internal.tree.Attributes;
import io.sitemove.verify.internal.tree.TreeCommands;
import io.sitemove.verify.internal.tree.TreeRun;
import io.sitemove.verify.internal.tree.TreeSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the file tree the file syncer copied with its source, over SSH: every entry's type,
 * permission bits, link target, mtime (files and directories, whole seconds) and, if asked, owner;
 * each regular file's size, and its SHA-256 where {@link ContentHashes} says. What the file syncer
 * leaves out is left out here too: {@link #of(FileSyncer)} takes its roots, exclusions (its preset's
 * included) and target owner, so they are given once. Names are compared as bytes, so any name a file
 * system allows is handled. Each difference is a finding of its kind ({@code missing}, {@code extra},
 * {@code type}, {@code content}, {@code mode}, {@code owner}, {@code mtime}, {@code link-target},
 * {@code unreadable}) with the entry's path as its subject; the summary counts entries.
 *
 * <p>A site that is still live keeps changing after a sync. At {@link VerifyStage#FUNCTIONAL} the target
 * is compared with what the file syncer's last sync ({@link VerifyContext#lastSync(String)}) delivered:
 * the differences of an entry whose mtime or ctime on the source is at or after that sync's start
 * (on the source's clock: its offset from this process's is read over SSH), or of an entry the source
 * deleted since (its directory changed then), are pending findings, which do not block. At
 * {@link VerifyStage#CUTOVER}, with the source read-only, nothing is pending: everything must match.
 *
 * <p>Content is hashed by default on every file of the same size at FUNCTIONAL
 * ({@link ContentHashes#ALWAYS}) and only on those whose mtimes differ at CUTOVER
 * ({@link ContentHashes#WHEN_SIZE_OR_MTIME_DIFFER}), the two sides at once; GNU findutils and coreutils
 * are needed on both servers.
 *
 * <pre>{@code
 * FileSyncer files = FileSyncer.builder()
 *     .sourceRoot("/var/www/shop").targetRoot("/srv/www/shop")
 *     .preset(Preset.WORDPRESS)
 *     .build();
 * Verifier tree = TreeHashVerifier.of(files);              // same roots, same exclusions
 * Verifier strict = TreeHashVerifier.builder().from(files)
 *     .contentHashes(ContentHashes.ALWAYS)                 // at CUTOVER too
 *     .compareOwner(true)
 *     .build();
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class TreeHashVerifier implements Verifier {
    private final TreeSettings settings;

    private TreeHashVerifier(TreeSettings settings) {
        this.settings = settings;
    }

    /**
     * The verifier of what {@code syncer} copies: its roots, exclusions (with its preset's) and target
     * owner, compared with its last sync, with the default content hashing and stages.
     */
    public static TreeHashVerifier of(FileSyncer syncer) {
        return builder().from(syncer).build();
    }

    /** Starts a tree verifier; give it {@link Builder#from(FileSyncer)} or {@link Builder#roots(String, String)}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "files";
    }

    /** FUNCTIONAL and CUTOVER unless set: in the watch window the target changes on its own. */
    @Override
    public Set<VerifyStage> stages() {
        return settings.stages();
    }

    /** When content is hashed at the given stage. */
    public ContentHashes contentHashes(VerifyStage stage) {
        return settings.hashesAt(Objects.requireNonNull(stage, "stage cannot be null"));
    }

    /** The exclusion globs, a preset's included (an interrupted sync's staging directory is always left out too). */
    public List<String> excludes() {
        return settings.globs();
    }

    @Override
    public Verification verify(VerifyContext ctx) {
        return new TreeRun(settings, name()).run(ctx);
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        results.addAll(preflight(ctx.server(Side.SOURCE), settings.sourceRoot()));
        results.addAll(preflight(ctx.server(Side.TARGET), settings.targetRoot()));
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
        return "TreeHashVerifier[" + settings.sourceRoot() + " -> " + settings.targetRoot() + ", excluding "
                + settings.globs() + ", last sync of '" + settings.syncerName() + "', content hashes "
                + settings.hashes() + "]";
    }

    /** Builds a {@link TreeHashVerifier}; validates each value as it is set, and the whole in {@link #build()}. */
    public static final class Builder {
        private String sourceRoot;
        private String targetRoot;
        private final List<String> globs = new ArrayList<>();
        private String syncerName = "files";
        private final Map<VerifyStage, ContentHashes> hashes = new EnumMap<>(Map.of(
                VerifyStage.FUNCTIONAL, ContentHashes.ALWAYS,
                VerifyStage.CUTOVER, ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER,
                VerifyStage.WATCH, ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER));
        private Set<VerifyStage> stages = Verdict.BEFORE_WATCH;
        private Boolean compareOwner;
        private String targetOwner;
        private boolean compareMtime = true;
        private boolean fromGiven;

        private Builder() {
        }

        /**
         * Takes what the file syncer copies: its roots, its exclusions (its preset's included), its name
         * (whose last sync the target is compared with) and its target owner (compared, when it has one).
         * Exclusions given with {@link #exclude(String...)} are added to its own.
         *
         * @throws IllegalStateException when a syncer was given already
         */
        public Builder from(FileSyncer syncer) {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            if (fromGiven) {
                throw new IllegalStateException("from(...) was given already: a tree verifier follows one file syncer");
            }
            fromGiven = true;
            roots(syncer.sourceRoot(), syncer.targetRoot());
            addGlobs(syncer.excludes());
            syncerName = syncer.name();
            targetOwner = syncer.targetOwner().orElse(null);
            return this;
        }

        /** The absolute directories compared, on the source and on the target; set by {@link #from(FileSyncer)}. */
        public Builder roots(String sourceRoot, String targetRoot) {
            Objects.requireNonNull(sourceRoot, "sourceRoot cannot be null");
            Objects.requireNonNull(targetRoot, "targetRoot cannot be null");
            this.sourceRoot = RemotePaths.checkRoot(sourceRoot, "sourceRoot");
            this.targetRoot = RemotePaths.checkRoot(targetRoot, "targetRoot");
            return this;
        }

        /**
         * Paths left out on both sides, as globs relative to the roots in the file syncer's syntax (see
         * {@link Exclusions}): an excluded directory excludes all it holds. Needed only for what the file
         * syncer does not exclude itself.
         */
        public Builder exclude(String... globs) {
            Objects.requireNonNull(globs, "globs cannot be null");
            for (String glob : globs) {
                Objects.requireNonNull(glob, "glob cannot be null");
                if (glob.isBlank() || glob.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("exclusion glob '" + Printable.of(glob)
                            + "' is blank or holds a NUL byte");
                }
            }
            addGlobs(List.of(globs));
            return this;
        }

        /** Adds a preset's exclusions (see {@link Preset}); {@link #from(FileSyncer)} brings the syncer's own. */
        public Builder preset(Preset preset) {
            Objects.requireNonNull(preset, "preset cannot be null");
            addGlobs(preset.excludes());
            return this;
        }

        private void addGlobs(List<String> more) {
            for (String glob : more) {
                if (!globs.contains(glob)) {
                    globs.add(glob);
                }
            }
        }

        /**
         * The file syncer whose last sync the target is compared with (changes on the source since its
         * start are pending); "files" by default, the syncer's own name with {@link #from(FileSyncer)}.
         */
        public Builder syncerName(String name) {
            this.syncerName = PluginNames.check(name);
            return this;
        }

        /** When content is hashed, at every stage. */
        public Builder contentHashes(ContentHashes when) {
            Objects.requireNonNull(when, "contentHashes cannot be null");
            for (VerifyStage stage : VerifyStage.values()) {
                hashes.put(stage, when);
            }
            return this;
        }

        /**
         * When content is hashed at one stage; by default {@link ContentHashes#ALWAYS} at FUNCTIONAL and
         * {@link ContentHashes#WHEN_SIZE_OR_MTIME_DIFFER} at CUTOVER (and WATCH).
         */
        public Builder contentHashes(VerifyStage stage, ContentHashes when) {
            Objects.requireNonNull(stage, "stage cannot be null");
            hashes.put(stage, Objects.requireNonNull(when, "contentHashes cannot be null"));
            return this;
        }

        /**
         * The stages the verifier runs at; FUNCTIONAL and CUTOVER by default (in the watch window the target
         * takes changes of its own).
         */
        public Builder stages(VerifyStage... stages) {
            Objects.requireNonNull(stages, "stages cannot be null");
            if (stages.length == 0) {
                throw new IllegalArgumentException("stages cannot be empty: give at least one stage");
            }
            Set<VerifyStage> set = EnumSet.noneOf(VerifyStage.class);
            for (VerifyStage stage : stages) {
                set.add(Objects.requireNonNull(stage, "stage cannot be null"));
            }
            this.stages = set;
            return this;
        }

        /**
         * Whether owners ({@code user:group}) are compared: with the file syncer's target owner where it has
         * one, else with the source's owners, as the file syncer keeps them when the target's SSH user is
         * root. On by default only when the syncer has a target owner.
         */
        public Builder compareOwner(boolean compare) {
            this.compareOwner = compare;
            return this;
        }

        /** Whether the mtimes of files and directories are compared (whole seconds); on by default. */
        public Builder compareMtime(boolean compare) {
            this.compareMtime = compare;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @throws IllegalStateException without roots
         */
        public TreeHashVerifier build() {
            if (sourceRoot == null || targetRoot == null) {
                throw new IllegalStateException("a tree verifier needs from(fileSyncer) or roots(source, target)");
            }
            boolean owner = compareOwner != null ? compareOwner : targetOwner != null;
            Attributes attributes = new Attributes(owner, Optional.ofNullable(targetOwner), compareMtime);
            return new TreeHashVerifier(new TreeSettings(sourceRoot, targetRoot, globs, syncerName, hashes, stages,
                    attributes));
        }
    }
}
