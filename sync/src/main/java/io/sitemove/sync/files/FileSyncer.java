package io.sitemove.sync.files;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.Side;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.sync.files.internal.ContentCheck;
import io.sitemove.sync.files.internal.AttributeFix;
import io.sitemove.sync.files.internal.DeltaPlan;
import io.sitemove.sync.files.internal.DirectClosedException;
import io.sitemove.sync.files.internal.DirectKey;
import io.sitemove.sync.files.internal.DirectRefusedException;
import io.sitemove.sync.files.internal.DirectRoute;
import io.sitemove.sync.files.internal.FileEntry;
import io.sitemove.sync.files.internal.FilesPreflight;
import io.sitemove.sync.files.internal.ManifestDigest;
import io.sitemove.sync.files.internal.ReceiverFacts;
import io.sitemove.remote.RemotePaths;
import io.sitemove.sync.files.internal.Ownership;
import io.sitemove.remote.Parallel;
import io.sitemove.sync.files.internal.PlaceCommands;
import io.sitemove.sync.files.internal.RemoteScript;
import io.sitemove.sync.files.internal.RemoteTree;
import io.sitemove.sync.files.internal.ResumePlan;
import io.sitemove.sync.files.internal.RsyncPush;
import io.sitemove.sync.files.internal.Staging;
import io.sitemove.sync.files.internal.TarRelay;
import io.sitemove.sync.files.internal.TransferProgress;
import io.sitemove.remote.ssh.SshConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * rest ({@code details().get("wireBytes")} tells what crossed the network).
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

    private static final Logger LOG = LoggerFactory.getLogger(FileSyncer.class);
    private static final double MASS_DELETION_RATIO = 0.30;
    private static final Pattern OWNER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*:[A-Za-z_][A-Za-z0-9._-]*");

    private final String name;
    private final String sourceRoot;
    private final String targetRoot;
    private final List<String> excludes;
    private final boolean allowMassDeletion;
    private final String targetOwner;
    private final boolean verifyContent;
    private final Strategy strategy;
    private final Map<Side, String> authorizedKeys;
    private final long relayBelow;

    private FileSyncer(Builder b) {
        this.strategy = b.strategy;
        this.authorizedKeys = Map.copyOf(b.authorizedKeys);
        this.relayBelow = b.relayBelow;
        this.verifyContent = b.verifyContent;
        this.targetOwner = b.targetOwner;
        this.name = b.name;
        this.sourceRoot = b.sourceRoot;
        this.targetRoot = b.targetRoot;
        this.excludes = List.copyOf(b.excludes);
        this.allowMassDeletion = b.allowMassDeletion;
    }

    /** Starts a file syncer. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> writes() {
        return Set.of("files:" + targetRoot);
    }

    /** The source root directory. */
    public String sourceRoot() {
        return sourceRoot;
    }

    /** The target root directory. */
    public String targetRoot() {
        return targetRoot;
    }

    /** Whether content is compared by hash where sizes agree. */
    public boolean verifiesContent() {
        return verifyContent;
    }

    /** The owner every target entry gets, if one was set. */
    public Optional<String> targetOwner() {
        return Optional.ofNullable(targetOwner);
    }

    /** How file contents travel; {@link Strategy#AUTO} by default. */
    public Strategy strategy() {
        return strategy;
    }

    /**
     * The authorized_keys file on the given server that a {@link Strategy#DIRECT} transfer into it
     * authorises its temporary key in, if one was set (else the SSH user's {@code ~/.ssh/authorized_keys}).
     */
    public Optional<String> authorizedKeysFile(Side side) {
        return Optional.ofNullable(authorizedKeys.get(side));
    }

    /**
     * Below how many bytes to send {@link Strategy#AUTO} relays rather than trying the direct route;
     * {@link Builder#DEFAULT_RELAY_BELOW} by default.
     */
    public long relayBelow() {
        return relayBelow;
    }

    /** The exclusion globs, those of a preset included; empty by default. */
    public List<String> excludes() {
        return excludes;
    }

    @Override
    public SyncResult sync(SyncContext ctx) {
        long started = System.nanoTime();
        boolean reverse = ctx.direction() == Direction.REVERSE;
        Server fromServer = reverse ? ctx.target() : ctx.source();
        Server toServer = reverse ? ctx.source() : ctx.target();
        String fromRoot = reverse ? targetRoot : sourceRoot;
        String toRoot = reverse ? sourceRoot : targetRoot;
        Exclusions exclusions = new Exclusions(excludes);
        Parallel<SshConnection> opening = Parallel.start("sitemove-connect-receiver",
                () -> SshConnection.open(toServer));
        SshConnection opened;
        try {
            opened = SshConnection.open(fromServer);
        } catch (RuntimeException e) {
            closeQuietly(opening);
            throw e;
        }
        try (SshConnection from = opened; SshConnection to = opening.join()) {
            step(started, "connected");
            RemoteTree sender = new RemoteTree(from, fromRoot);
            RemoteTree receiver = new RemoteTree(to, toRoot);
            Parallel<List<FileEntry>> receiving = Parallel.start("sitemove-list-receiver", () -> receiver.manifest(true));
            Parallel<ReceiverFacts> facts = Parallel.start("sitemove-receiver-facts", () -> ReceiverFacts.read(receiver));
            Side receivingSide = reverse ? Side.SOURCE : Side.TARGET;
            Parallel<KeyAttempt> keying = strategy != Strategy.RELAY && ctx.mode() == SyncMode.FULL
                    ? Parallel.start("sitemove-direct-key", () -> attemptKey(ctx, facts, sender, receiver, receivingSide))
                    : null;
            boolean done = false;
            try {
                List<FileEntry> sent;
                try {
                    sent = sender.manifest(false);
                } catch (MigrationException e) {
                    receiving.join();
                    throw MigrationException.permanent(name + ": " + e.getMessage());
                }
                List<FileEntry> received = receiving.join();
                ReceiverFacts receiverFacts = facts.join();
                step(started, "listed");
                Ownership ownership = ownership(to, reverse, sent, received, receiverFacts);
                ContentCheck content = verifyContent
                        ? ContentCheck.run(sender, receiver, ContentCheck.candidates(sent, received, exclusions))
                        : ContentCheck.none();
                DeltaPlan plan = DeltaPlan.compare(sent, received, exclusions, ownership, content);
                guardDeletions(plan, sender, receiver);
                step(started, "planned");
                plan.skipped().forEach(e -> LOG.warn("{}: skipping {} '{}' on {}: only files, directories and links are copied",
                        name, e.type(), e.displayPath(), fromServer));
                Staging staging = receiverFacts.staging();
                Supplier<KeyAttempt> key = keying != null ? keying::join
                        : () -> attemptKey(ctx, facts, sender, receiver, receivingSide);
                Moved moved = move(ctx, plan, sender, receiver, received, ownership, staging, key, started);
                step(started, "placed");
                SyncResult result = report(ctx, plan, sender, receiver, sent, exclusions, content, moved, started);
                done = true;
                return result;
            } finally {
                discard(keying, done);
            }
        }
    }

    /** What moved the entries: the transfer, and the route it took ("direct", "relay"). */
    private record Moved(Transfer transfer, String route) {
    }

    /**
     * Sends what the plan sends, by the direct route where the plan may take it and it opens, else
     * through this process into the staging directory, then deletes what the sender no longer has,
     * places the staged entries and corrects attributes. A permanent failure removes the staging
     * directory; a transient one keeps it, so the next attempt resumes.
     */
    private Moved move(SyncContext ctx, DeltaPlan plan, RemoteTree sender, RemoteTree receiver,
            List<FileEntry> received, Ownership ownership, Staging staging, Supplier<KeyAttempt> key, long started) {
        SshConnection to = receiver.ssh();
        String toRoot = receiver.root();
        try {
            if (!plan.send().isEmpty() && tryDirect(plan)) {
                Transfer transfer;
                try (RemoteScript.Shell finisher = RemoteScript.start(to, toRoot)) {
                    Runnable finish = () -> finisher.run(finishing(plan, staging,
                            PlaceCommands.of(null, List.of(), remaining(received, plan), directFixes(plan), null)),
                            "delete what the sending side no longer has and correct modes, owners and mtimes");
                    transfer = direct(ctx, key, plan, sender, receiver, ownership, finish);
                }
                step(started, "transferred");
                if (transfer != null) {
                    return new Moved(transfer, "direct");
                }
            }
            try (RemoteScript.Shell placer = plan.send().isEmpty() ? null : RemoteScript.start(to, toRoot)) {
                Transfer transfer = transfer(ctx, plan, sender, staging, ownership);
                List<List<String>> script = finishing(plan, staging, PlaceCommands.of(transfer.staging(),
                        transfer.placed(), remaining(received, plan), plan.fixes(), ownership.fixedOwner()));
                String what = "delete what the sending side no longer has, move the transferred entries"
                        + " into place and correct modes, owners and mtimes";
                if (placer != null) {
                    placer.run(script, what);
                } else {
                    RemoteScript.run(to, toRoot, script, what);
                }
                return new Moved(transfer, "relay");
            }
        } catch (MigrationException e) {
            if (!e.isTransient()) {
                removeStaging(staging);
            }
            throw e;
        }
    }

    /** The sync's result (counts, time, the manifest digest as cursor, details), logged. */
    private SyncResult report(SyncContext ctx, DeltaPlan plan, RemoteTree sender, RemoteTree receiver,
            List<FileEntry> sent, Exclusions exclusions, ContentCheck content, Moved moved, long started) {
        Transfer transfer = moved.transfer();
        List<FileEntry> kept = new ArrayList<>(sent);
        kept.removeIf(e -> exclusions.excludes(e.path()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("strategy", plan.send().isEmpty() ? "none" : moved.route());
        details.put("direction", ctx.direction().name());
        details.put("entries", Long.toString(kept.size()));
        details.put("sent", Long.toString(plan.send().size()));
        details.put("skipped", Long.toString(plan.skipped().size()));
        details.put("resumed", Long.toString(transfer.resumed()));
        details.put("wireBytes", Long.toString(transfer.wire()));
        details.put("vanishedDuringTransfer", Long.toString(transfer.vanished()));
        if (verifyContent) {
            details.put("contentChecked", Long.toString(content.checked()));
            details.put("contentDiffering", Long.toString(content.differing()));
        }
        SyncResult result = new SyncResult(Counts.files(plan.newOrChanged(), transfer.bytes()), plan.vanished(),
                plan.attributeOnly(), Duration.ofNanos(System.nanoTime() - started), ManifestDigest.of(kept), details);
        LOG.info("{}: {} {} -> {}: {} new or changed, {} deleted, {} attributes fixed, {} bytes ({} over the"
                + " network)", name, ctx.mode(), sender.where(), receiver.where(), plan.newOrChanged(),
                plan.vanished(), plan.attributeOnly(), transfer.bytes(), transfer.wire());
        return result;
    }

    /** The temporary key of the direct route, made while the trees are listed, or why there is none. */
    private record KeyAttempt(DirectKey key, String problem) {
    }

    private KeyAttempt attemptKey(SyncContext ctx, Parallel<ReceiverFacts> facts, RemoteTree sender,
            RemoteTree receiver, Side receiving) {
        DirectRoute route = DirectRoute.judge(receiver.ssh().server(), receiver.root(), facts.join().rrsync());
        if (!route.open()) {
            return new KeyAttempt(null, route.problem());
        }
        try {
            return new KeyAttempt(DirectKey.install(sender.ssh(), receiver.ssh(), ctx.site(),
                    authorizedKeys.get(receiving), route.rrsync(), receiver.root()), null);
        } catch (DirectClosedException e) {
            return new KeyAttempt(null, e.problem());
        }
    }

    /**
     * Removes a key made ahead that the transfer did not use (it closes the one it used). After a
     * failure, a failure to make or remove the key is logged, not thrown over the first one.
     */
    private void discard(Parallel<KeyAttempt> keying, boolean done) {
        if (keying == null) {
            return;
        }
        try {
            DirectKey key = keying.join().key();
            if (key != null) {
                key.close();
            }
        } catch (RuntimeException e) {
            if (done) {
                throw e;
            }
            LOG.warn("{}: the temporary key for the direct route: {}", name, e.getMessage());
        }
    }

    private boolean tryDirect(DeltaPlan plan) {
        return strategy == Strategy.DIRECT || strategy == Strategy.AUTO && plan.sendBytes() >= relayBelow;
    }

    private void step(long started, String what) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} after {} ms", name, what, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * What the transfer did.
     *
     * @param bytes what {@link SyncResult#moved()} counts: the archive relayed, or the sizes of the files rsync sent
     * @param wire the bytes that crossed the network for them: the archive, or what rsync's delta algorithm sent
     */
    private record Transfer(String staging, List<FileEntry> placed, long bytes, long wire, long resumed,
            long vanished) {
    }

    private Transfer transfer(SyncContext ctx, DeltaPlan plan, RemoteTree sender, Staging staging,
            Ownership ownership) {
        if (plan.send().isEmpty()) {
            return new Transfer(null, List.of(), 0, 0, 0, 0);
        }
        RemoteTree staged = staging.open();
        ResumePlan resume = ResumePlan.of(plan.send(), staging.resumed() ? staged.manifest() : List.of());
        staging.discard(resume.discard());
        if (resume.reused() > 0) {
            LOG.info("{}: {} files ({} bytes) had arrived whole in {} before an interruption; not sending them again",
                    name, resume.reused(), resume.reusedBytes(), staged.where());
        }
        List<FileEntry> transfer = resume.transfer();
        if (transfer.isEmpty()) {
            return new Transfer(staging.name(), plan.send(), 0, 0, resume.reused(), 0);
        }
        TransferProgress progress = new TransferProgress(ctx.progress(), transfer);
        TarRelay.Result relayed = TarRelay.relay(sender, staged, !staging.created(), transfer,
                ownership.extractOwners(), progress::onBytes);
        long bytes = relayed.bytes();
        progress.finish(bytes);
        if (relayed.complete()) {
            return new Transfer(staging.name(), plan.send(), bytes, bytes, resume.reused(), 0);
        }
        Set<String> arrived = new HashSet<>();
        staged.manifest().forEach(e -> arrived.add(e.path()));
        List<FileEntry> placed = plan.send().stream().filter(e -> arrived.contains(e.path())).toList();
        long vanished = plan.send().size() - placed.size();
        if (vanished > 0) {
            LOG.warn("{}: {} entries vanished from {} between its listing and the transfer; the next sync settles them",
                    name, vanished, sender.where());
        }
        return new Transfer(staging.name(), placed, bytes, bytes, resume.reused(), vanished);
    }

    /**
     * Pushes the plan's entries with rsync from the sender, or returns null when AUTO finds the direct
     * route closed or refused (the relay then carries them).
     */
    private Transfer direct(SyncContext ctx, Supplier<KeyAttempt> keying, DeltaPlan plan, RemoteTree sender,
            RemoteTree receiver, Ownership ownership, Runnable finish) {
        long started = System.nanoTime();
        KeyAttempt attempt = keying.get();
        if (attempt.key() == null) {
            return closed(attempt.problem(), sender, receiver);
        }
        DirectKey installed = attempt.key();
        Parallel<Void> finishing = null;
        RsyncPush.Result pushed;
        try (DirectKey key = installed) {
            step(started, "installed the key");
            pushed = RsyncPush.push(sender.ssh(), sender.root(), receiver.ssh().server(), key,
                    plan.send(), plan.sendBytes(), ownership.fixedOwner(), ctx.progress());
            finishing = Parallel.start("sitemove-finish", () -> {
                finish.run();
                return null;
            });
        } catch (DirectRefusedException e) {
            if (strategy == Strategy.DIRECT) {
                throw e;
            }
            LOG.warn("{}: relaying through this process, since the direct transfer was refused: {}", name,
                    e.getMessage());
            return null;
        } catch (RuntimeException e) {
            if (finishing != null) {
                try {
                    finishing.join();
                } catch (RuntimeException also) {
                    e.addSuppressed(also);
                }
            }
            throw e;
        }
        finishing.join();
        if (pushed.vanished() > 0) {
            LOG.warn("{}: {} entries vanished from {} between its listing and the transfer; the next sync settles"
                    + " them", name, pushed.vanished(), sender.where());
        }
        return new Transfer(null, plan.send(), pushed.bytes(), pushed.wireBytes(), 0, pushed.vanished());
    }

    private Transfer closed(String problem, RemoteTree sender, RemoteTree receiver) {
        if (strategy == Strategy.DIRECT) {
            throw MigrationException.permanent(name + ": the direct transfer from " + sender.where() + " to "
                    + receiver.where() + " cannot run: " + problem + "; fix that or use Strategy.RELAY (or AUTO)");
        }
        LOG.info("{}: relaying through this process: {}", name, problem);
        return null;
    }

    /** The plan's fixes, and the directories rsync set that the deletions after it will disturb. */
    private static List<AttributeFix> directFixes(DeltaPlan plan) {
        List<AttributeFix> fixes = new ArrayList<>(plan.fixes());
        Set<String> disturbed = new HashSet<>();
        plan.delete().forEach(e -> disturbed.add(parentOf(e.path())));
        plan.send().stream().filter(e -> e.isDir() && disturbed.contains(e.path()))
                .forEach(e -> fixes.add(new AttributeFix(e, false, true, null, false)));
        return fixes;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
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
                DirectKey.removeLeftovers(ssh, ctx.site(), authorizedKeys.get(side));
            }
        }
    }

    private void removeStaging(Staging staging) {
        try {
            staging.removeAll();
        } catch (MigrationException cleanup) {
            LOG.warn("{}: could not remove the staging directory after a failure: {}", name, cleanup.getMessage());
        }
    }

    private static void closeQuietly(Parallel<SshConnection> opening) {
        try {
            opening.join().close();
        } catch (RuntimeException e) {
            LOG.debug("connecting to the receiving server failed too: {}", e.toString());
        }
    }

    /**
     * The receiving side's last script: deletions first, then the given placing commands, then removing
     * the staging directories (kept when an earlier command fails, to resume from).
     */
    private static List<List<String>> finishing(DeltaPlan plan, Staging staging, List<List<String>> place) {
        List<List<String>> commands = new ArrayList<>(RemoteTree.deleteCommands(plan.delete()));
        commands.addAll(place);
        commands.addAll(staging.removeCommand());
        return commands;
    }

    private Ownership ownership(SshConnection receiver, boolean reverse, List<FileEntry> sent, List<FileEntry> received,
            ReceiverFacts facts) {
        if (targetOwner != null && !reverse) {
            return Ownership.fixed(targetOwner);
        }
        return facts.root() ? Ownership.byNameOn(receiver, sent, received, facts.users(), facts.groups())
                : Ownership.none();
    }

    private static Map<String, FileEntry> remaining(List<FileEntry> received, DeltaPlan plan) {
        Map<String, FileEntry> byPath = new HashMap<>();
        received.forEach(e -> byPath.put(e.path(), e));
        plan.delete().forEach(e -> byPath.remove(e.path()));
        return byPath;
    }

    private void guardDeletions(DeltaPlan plan, RemoteTree sender, RemoteTree receiver) {
        if (allowMassDeletion || plan.vanished() == 0) {
            return;
        }
        boolean senderEmpty = plan.send().isEmpty() && plan.vanished() == plan.receiverEntries();
        if (senderEmpty) {
            throw MigrationException.permanent(name + ": " + sender.where() + " is empty, and syncing would delete all "
                    + plan.receiverEntries() + " entries of " + receiver.where() + "; refusing. If that is really"
                    + " intended, build the syncer with allowMassDeletion(true)");
        }
        if (plan.vanished() > MASS_DELETION_RATIO * plan.receiverEntries()) {
            throw MigrationException.permanent(name + ": syncing would delete " + plan.vanished() + " of "
                    + plan.receiverEntries() + " entries of " + receiver.where() + " (more than "
                    + Math.round(MASS_DELETION_RATIO * 100) + "%); refusing. Check that " + sender.where()
                    + " is the right directory; if the deletion is intended, build the syncer with allowMassDeletion(true)");
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        return new FilesPreflight(name).run(ctx.source(), sourceRoot, ctx.target(), targetRoot);
    }

    @Override
    public String toString() {
        return "FileSyncer[" + name + ": " + sourceRoot + " -> " + targetRoot + (excludes.isEmpty() ? "" :
                ", excluding " + excludes) + "]";
    }

    /** Builds a {@link FileSyncer}; validates each value as it is set. */
    public static final class Builder {
        private String name = "files";
        private String sourceRoot;
        private String targetRoot;
        private final List<String> excludes = new ArrayList<>();
        private boolean allowMassDeletion;
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
            Objects.requireNonNull(name, "name cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name cannot be blank");
            }
            this.name = name;
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
