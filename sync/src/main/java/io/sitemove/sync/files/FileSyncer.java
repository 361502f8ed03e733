package io.sitemove.sync.files;

import io.sitemove.Server;
import io.sitemove.remote.PluginNames;
import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.sync.files.internal.DirectKey;
import io.sitemove.sync.files.internal.DirectRoute;
import io.sitemove.sync.files.internal.FileSyncRun;
import io.sitemove.sync.files.internal.FileSyncSettings;
import io.sitemove.sync.files.internal.FilesPreflight;
import io.sitemove.sync.files.internal.Staging;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Copies a directory tree from the source server to the target over SSH, relayed through this
 * process ({@code tar} on both ends). Every mode works as a delta: both sides are listed, and only
 * new and changed entries are sent, then what the source no longer has is deleted on the target. Links
 * are copied as links and never followed; remote names are checked before use. REVERSE copies target
 * to source.
 *
 * <p>The transfer lands in a staging directory inside the receiving root
 * ({@code .sitemove-staging-<id>}, on the same file system), and each entry is renamed into place only
 * once the whole archive has arrived: a good file is never replaced by a half-written one. A sync cut
 * off midway leaves the old files as they were; the next one takes up the staging directory, keeps the
 * files that arrived whole, sends the rest and removes what is left. Names starting with
 * {@code .sitemove-staging-} at the top of either root are reserved for this. A {@link Strategy#DIRECT}
 * transfer (rsync pushing from the sending server) writes each file under a temporary name and renames it
 * into place when whole; a cut-off transfer leaves the whole files in place and the next sync sends the
 * rest ({@link FileSyncDetails#wireBytes()} tells what crossed the network). Each result's details are a
 * {@link FileSyncDetails} record; a sync that would delete more than 30% of the receiving tree (or all of
 * it, from an empty sending tree) is refused with a {@link io.sitemove.ChangeRefusedException}.
 *
 * <p>Kept: modes, mtimes (whole seconds), symlinks as symlinks, empty directories, hard links (all names
 * of a file travel in one stream and arrive as one file; the link is made again where the target holds
 * them as copies), and owners when the target's SSH user is root: by name where the target knows the
 * source's user and group names, or all given to {@link Builder#targetOwner(String)}. A file counts as
 * unchanged when size and mtime agree; an entry whose mode or owner alone differs, or a directory whose
 * mtime alone differs, is corrected in place with chmod, chown or touch and not sent again
 * ({@link SyncResult#attributesFixed()}). With {@link Builder#verifyContent(boolean)} content is compared
 * by SHA-256 where sizes agree, so a changed file with an unchanged mtime is sent, and a file whose
 * mtime alone changed is touched rather than sent.
 *
 * <pre>{@code
 * Syncer files = FileSyncer.builder()
 *     .sourceRoot("/var/www/shop")
 *     .targetRoot("/srv/www/shop")
 *     .preset(Preset.WORDPRESS)
 *     .exclude("*.log")
 *     .build();
 * }</pre>
 */
public final class FileSyncer implements Syncer {
    /**
     * The name prefix of the staging directory a sync keeps at the top of the receiving root while it
     * runs (and leaves behind when interrupted, to resume from). Verifiers leave such entries out.
     */
    public static final String STAGING_PREFIX = Staging.PREFIX;

    private static final Pattern OWNER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*:[A-Za-z_][A-Za-z0-9._-]*");

    private final FileSyncSettings settings;

    private FileSyncer(Builder b) {
        this.settings = new FileSyncSettings(b.name, b.sourceRoot, b.targetRoot, b.excludes, b.allowMassDeletion,
                b.targetOwner, b.verifyContent, b.strategy, b.authorizedKeys, b.relayBelow, b.replaceExisting);
    }

    /** Starts a file syncer. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Set<String> writes() {
        return Set.of("files:" + settings.targetRoot());
    }

    /** The source root directory. */
    public String sourceRoot() {
        return settings.sourceRoot();
    }

    /** The target root directory. */
    public String targetRoot() {
        return settings.targetRoot();
    }

    /** Whether content is compared by hash where sizes agree. */
    public boolean verifiesContent() {
        return settings.verifyContent();
    }

    /** The owner every target entry gets, if one was set. */
    public Optional<String> targetOwner() {
        return Optional.ofNullable(settings.targetOwner());
    }

    /** How file contents travel; {@link Strategy#AUTO} by default. */
    public Strategy strategy() {
        return settings.strategy();
    }

    /**
     * The authorized_keys file on the given server that a {@link Strategy#DIRECT} transfer into it
     * authorises its temporary key in, if one was set (else the SSH user's {@code ~/.ssh/authorized_keys}).
     */
    public Optional<String> authorizedKeysFile(Side side) {
        return Optional.ofNullable(settings.authorizedKeys().get(side));
    }

    /**
     * Below how many bytes to send {@link Strategy#AUTO} relays rather than trying the direct route;
     * {@link Builder#DEFAULT_RELAY_BELOW} by default.
     */
    public long relayBelow() {
        return settings.relayBelow();
    }

    /** The exclusion globs, those of a preset included; empty by default. */
    public List<String> excludes() {
        return settings.excludes();
    }

    /** Runs one sync; its result's details are a {@link FileSyncDetails} record. */
    @Override
    public SyncResult sync(SyncContext ctx) {
        return FileSyncRun.run(settings, ctx);
    }

    /**
     * Removes what {@link Strategy#DIRECT} transfers of this site may have left on either server after
     * being killed: temporary keys in authorized_keys (found by their {@code sitemove-<site>-} comment) and
     * temporary key directories.
     */
    @Override
    public void cleanup(MigrationContext ctx) {
        for (Side side : Side.values()) {
            Server server = ctx.server(side);
            try (SshConnection ssh = SshConnection.open(server)) {
                DirectKey.removeLeftovers(ssh, ctx.site(), settings.authorizedKeys().get(side));
            }
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        return new FilesPreflight(settings).run(ctx.source(), ctx.target());
    }

    @Override
    public String toString() {
        return "FileSyncer[" + settings.name() + ": " + settings.sourceRoot() + " -> " + settings.targetRoot()
                + (settings.excludes().isEmpty() ? "" : ", excluding " + settings.excludes()) + "]";
    }

    /** Builds a {@link FileSyncer}; validates each value as it is set. */
    public static final class Builder {
        private String name = "files";
        private String sourceRoot;
        private String targetRoot;
        private final List<String> excludes = new ArrayList<>();
        private boolean allowMassDeletion;
        private boolean replaceExisting;
        private String targetOwner;
        private boolean verifyContent;
        private Strategy strategy = Strategy.AUTO;
        private final Map<Side, String> authorizedKeys = new EnumMap<>(Side.class);
        private long relayBelow = DEFAULT_RELAY_BELOW;

        private Builder() {
        }

        /**
         * How file contents travel (see {@link Strategy}); {@link Strategy#AUTO} by default: rsync
         * straight from the sending server when it can reach the receiving one, else relayed through this
         * process. AUTO also relays when the receiving server refuses the temporary key.
         */
        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy cannot be null");
            return this;
        }

        /**
         * Below how many bytes to send {@link Strategy#AUTO} relays without trying the direct route: 64 MiB.
         * The direct route's setup (a key made on one server and authorised on the other, a second SSH login,
         * rrsync starting, the key removed) costs about as long as a panel on a gigabit link needs to relay
         * that much; the relay itself runs at the speed of the direct route or faster.
         */
        public static final long DEFAULT_RELAY_BELOW = 64L * 1024 * 1024;

        /**
         * Below how many bytes to send {@link Strategy#AUTO} relays through this process without trying the
         * direct route ({@link #DEFAULT_RELAY_BELOW} by default); 0 tries the direct route for any transfer.
         * Other strategies leave it aside.
         */
        public Builder relayBelow(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("relayBelow must be 0 or more bytes, not " + bytes);
            }
            this.relayBelow = bytes;
            return this;
        }

        /**
         * The authorized_keys file (absolute path) that the server on {@code side} reads for the SSH user,
         * where a direct transfer into that server authorises its temporary key; the user's
         * {@code ~/.ssh/authorized_keys} by default. Set it when sshd there is configured with another
         * {@code AuthorizedKeysFile}.
         */
        public Builder authorizedKeysFile(Side side, String absolutePath) {
            Objects.requireNonNull(side, "side cannot be null");
            Objects.requireNonNull(absolutePath, "absolutePath cannot be null");
            if (!absolutePath.startsWith("/") || absolutePath.indexOf('\0') >= 0 || absolutePath.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("authorized_keys file '" + absolutePath + "' must be an absolute"
                        + " path without NUL or newline");
            }
            authorizedKeys.put(side, absolutePath);
            return this;
        }

        /** The syncer's name in the plan; "files" by default. */
        public Builder name(String name) {
            this.name = PluginNames.check(name);
            return this;
        }

        /** The absolute directory on the source server to copy. */
        public Builder sourceRoot(String absolutePath) {
            Objects.requireNonNull(absolutePath, "sourceRoot cannot be null");
            this.sourceRoot = RemotePaths.checkRoot(absolutePath, "sourceRoot");
            return this;
        }

        /** The absolute directory on the target server to copy into; created when missing. */
        public Builder targetRoot(String absolutePath) {
            Objects.requireNonNull(absolutePath, "targetRoot cannot be null");
            this.targetRoot = RemotePaths.checkRoot(absolutePath, "targetRoot");
            return this;
        }

        /**
         * Paths to leave alone on both sides, as globs relative to the roots ({@code *}, {@code ?},
         * {@code **}); a glob without a slash matches a name at any depth.
         */
        public Builder exclude(String... globs) {
            Objects.requireNonNull(globs, "globs cannot be null");
            for (String glob : globs) {
                Objects.requireNonNull(glob, "glob cannot be null");
                if (glob.isBlank() || glob.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("exclusion glob '" + glob + "' is blank or holds a NUL byte");
                }
                excludes.add(glob);
            }
            return this;
        }

        /**
         * Adds a preset's exclusions (see {@link Preset#WORDPRESS}) to the ones given with
         * {@link #exclude(String...)}; applying the same preset twice changes nothing.
         */
        public Builder preset(Preset preset) {
            Objects.requireNonNull(preset, "preset cannot be null");
            for (String glob : preset.excludes()) {
                if (!excludes.contains(glob)) {
                    excludes.add(glob);
                }
            }
            return this;
        }

        /**
         * Allows a sync to delete more than 30% of the receiving tree, or all of it when the sending
         * tree is empty. Off by default, so a wrong or unmounted root cannot wipe the other side.
         */
        public Builder allowMassDeletion(boolean allow) {
            this.allowMassDeletion = allow;
            return this;
        }

        /**
         * Whether preflight lets a sync into a non-empty target root delete the entries the source does
         * not have; off by default: preflight fails listing them (the first 20, with a count). The
         * sync's own deletion guard ({@link #allowMassDeletion(boolean)}) applies either way, and
         * {@code allowMassDeletion(true)} also satisfies this check.
         */
        public Builder replaceExisting(boolean replace) {
            this.replaceExisting = replace;
            return this;
        }

        /**
         * Gives every entry on the target this owner ({@code "site:site"}: user and group names), instead
         * of the source's owners mapped by name. Needs root on the target, or the SSH user being that
         * user. A REVERSE sync leaves this aside and maps owners by name.
         */
        public Builder targetOwner(String userAndGroup) {
            Objects.requireNonNull(userAndGroup, "targetOwner cannot be null");
            if (!OWNER.matcher(userAndGroup).matches()) {
                throw new IllegalArgumentException("targetOwner '" + userAndGroup + "' must be user:group, two names"
                        + " (letters, digits, '.', '_', '-', not starting with a digit, '-' or '.')");
            }
            this.targetOwner = userAndGroup;
            return this;
        }

        /**
         * Also compares content where sizes agree: SHA-256 is computed remotely on both sides (in
         * parallel) and files whose hashes differ are sent even when size and mtime agree; a file whose
         * mtime alone differs gets its mtime corrected instead of being sent. Reads every such file on
         * both servers, so it costs disk time proportional to the tree. Off by default.
         */
        public Builder verifyContent(boolean verify) {
            this.verifyContent = verify;
            return this;
        }

        /** Builds the syncer. */
        public FileSyncer build() {
            if (sourceRoot == null || targetRoot == null) {
                throw new IllegalStateException("a file syncer needs sourceRoot(...) and targetRoot(...)");
            }
            if (strategy == Strategy.DIRECT) {
                for (String root : List.of(sourceRoot, targetRoot)) {
                    if (!DirectRoute.SAFE_ROOT.matcher(root).matches()) {
                        throw new IllegalStateException("Strategy.DIRECT needs roots of letters, digits and"
                                + " ./_@%+=:,~- only (they stand in an authorized_keys command); '" + root
                                + "' is not; use Strategy.RELAY or AUTO");
                    }
                }
            }
            return new FileSyncer(this);
        }
    }
}
