package io.sitemove.wordpress;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import io.sitemove.wordpress.internal.ConfigFiles;
import io.sitemove.wordpress.internal.WpConfigLocation;
import io.sitemove.wordpress.internal.php.PhpConfigRewriter;
import io.sitemove.wordpress.internal.php.PhpRewrite;
import io.sitemove.wordpress.spi.PhpConfig;
import io.sitemove.wordpress.spi.PhpForm;
import io.sitemove.wordpress.spi.PhpSetting;
import io.sitemove.wordpress.spi.PhpValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the target's {@code wp-config.php} (or another PHP application's configuration, through {@link
 * PhpConfig}) for the target: it takes the source's file, sets the target's database and the plan's
 * constants in it, keeps every other byte, and writes it on the target keeping owner, mode and a backup of
 * the target's original (the file the target had before the first, FULL, sync; none when it had none). It
 * runs in every sync mode (FULL, DELTA, FINAL) and is idempotent; on a rollback (REVERSE)
 * it changes nothing. The file syncer must leave the file to it: pass {@link #excludes()} to it.
 *
 * <pre>{@code
 * WordPressSyncer config = WordPressSyncer.builder()
 *         .docroots("/var/www/shop", "/srv/www/shop")
 *         .database(targetDb)
 *         .constant("WP_HOME", "https://shop.example")
 *         .build();
 * FileSyncer files = FileSyncer.builder().sourceRoot("/var/www/shop").targetRoot("/srv/www/shop")
 *         .exclude(config.excludes().toArray(String[]::new)).build();
 * }</pre>
 */
public final class WordPressSyncer implements Syncer {
    private final String name;
    private final String sourceDocroot;
    private final String targetDocroot;
    private final PhpConfig config;
    private final boolean wordpress;

    private WordPressSyncer(Builder b) {
        this.name = b.name;
        this.sourceDocroot = b.sourceDocroot;
        this.targetDocroot = b.targetDocroot;
        this.wordpress = b.custom == null;
        this.config = wordpress ? b.wordpress : b.custom;
    }

    /** A builder; docroots and a database or a {@link PhpConfig} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> writes() {
        return Set.of("php-config:" + targetDocroot + "/" + config.file());
    }

    /**
     * The globs the file syncer and the tree verifier must leave alone: the configuration file and its
     * backup ({@code wp-config.php}, {@code wp-config.php.sitemove-orig}).
     */
    public List<String> excludes() {
        return List.of(config.file(), config.file() + ConfigFiles.BACKUP_SUFFIX);
    }

    /** The configuration written. */
    public PhpConfig config() {
        return config;
    }

    @Override
    public SyncResult sync(SyncContext ctx) {
        long started = System.nanoTime();
        if (ctx.direction() == Direction.REVERSE) {
            return result(Counts.ZERO, started, new ConfigSyncDetails("", List.of(), List.of(), false, ""));
        }
        WpConfigLocation source = locateSource(ctx);
        PhpRewrite rewrite = PhpConfigRewriter.rewrite(source.content().content(), config.settings(),
                config.insertBefore());
        byte[] text = rewrite.text().getBytes(StandardCharsets.ISO_8859_1);
        String target = source.aboveDocroot() ? WpConfigLocation.parent(targetDocroot) + "/" + config.file()
                : targetDocroot + "/" + config.file();
        try (SshConnection ssh = SshConnection.open(ctx.target())) {
            Optional<ConfigFiles.Content> existing = ConfigFiles.read(ssh, target);
            boolean same = existing.isPresent() && Arrays.equals(existing.get().content(), text);
            if (!same) {
                ConfigFiles.write(ssh, target, text, source.content().mode(), ctx.mode() == SyncMode.FULL);
            }
            String backup = existing.isPresent() || ConfigFiles.exists(ssh, target + ConfigFiles.BACKUP_SUFFIX)
                    ? target + ConfigFiles.BACKUP_SUFFIX : "";
            Counts moved = same ? Counts.ZERO : Counts.files(1, text.length);
            return result(moved, started, new ConfigSyncDetails(target, rewrite.replaced(), rewrite.inserted(),
                    !same, backup));
        }
    }

    private static SyncResult result(Counts moved, long started, ConfigSyncDetails details) {
        return new SyncResult(moved, 0, 0, Duration.ofNanos(System.nanoTime() - started), "", details);
    }

    private WpConfigLocation locateSource(MigrationContext ctx) {
        try (SshConnection ssh = SshConnection.open(ctx.source())) {
            return WpConfigLocation.find(ssh, sourceDocroot, config.file(), wordpress).orElseThrow(() ->
                    MigrationException.permanent("no " + config.file() + " in " + sourceDocroot
                    + (wordpress ? " or the directory above it" : "") + " on " + ctx.source().name()
                    + "; check the source docroot given to the " + name + " syncer"));
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> checks = new ArrayList<>();
        if (wordpress) {
            checks.add(new WordPressDetector(sourceDocroot).check(ctx.source()));
        }
        String check = config.file() + " on " + ctx.source().name();
        try {
            WpConfigLocation source = locateSource(ctx);
            checks.add(CheckResult.pass(name, check, "found (" + source.content().content().length + " bytes)"));
        } catch (MigrationException e) {
            checks.add(CheckResult.failed(name, check, e));
        }
        String writable = "docroot " + targetDocroot + " on " + ctx.target().name();
        try (SshConnection ssh = SshConnection.open(ctx.target())) {
            boolean ok = ssh.exec(List.of("sh", "-c", "test -d \"$1\" && test -w \"$1\"", "sh", targetDocroot))
                    .exitCode() == 0;
            checks.add(ok ? CheckResult.pass(name, writable, "exists and is writable")
                    : CheckResult.fail(name, writable, targetDocroot + " is missing or not writable for "
                    + ctx.target().user() + "; " + config.file() + " could not be written there"));
        } catch (MigrationException e) {
            checks.add(CheckResult.failed(name, writable, e));
        }
        return checks;
    }

    @Override
    public String toString() {
        return "WordPressSyncer[" + name + ", " + sourceDocroot + " -> " + targetDocroot + ", " + config + "]";
    }

    /** Builds a {@link WordPressSyncer}; validates as it goes. */
    public static final class Builder {
        private String name = "wordpress-config";
        private String sourceDocroot;
        private String targetDocroot;
        private WordPressConfig wordpress;
        private PhpConfig custom;

        private Builder() {
        }

        /**
         * @param name the syncer's name in the plan; default {@code wordpress-config}
         * @return this builder
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name cannot be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * @param source the document root on the source server (absolute)
         * @param target the document root on the target server (absolute)
         * @return this builder
         */
        public Builder docroots(String source, String target) {
            sourceDocroot = RemotePaths.checkRoot(Objects.requireNonNull(source, "source cannot be null"), "source");
            targetDocroot = RemotePaths.checkRoot(Objects.requireNonNull(target, "target cannot be null"), "target");
            return this;
        }

        /**
         * The target's database: DB_NAME, DB_USER, DB_PASSWORD and DB_HOST.
         *
         * @param target the database WordPress on the target must use
         * @return this builder
         */
        public Builder database(DbEndpoint target) {
            requireWordPress("database");
            WordPressConfig next = wordpress == null ? WordPressConfig.empty() : wordpress;
            for (PhpSetting setting : WordPressConfig.forDatabase(target).settings()) {
                next = next.with(setting);
            }
            wordpress = next;
            return this;
        }

        /**
         * Another constant to set, such as {@code WP_HOME} or {@code WP_SITEURL}.
         *
         * @param constant its name
         * @param value its value
         * @return this builder
         */
        public Builder constant(String constant, String value) {
            return setting(PhpSetting.of(PhpForm.CONSTANT, constant, PhpValue.of(value)));
        }

        /**
         * Any setting: a constant, a variable, a secret or a boolean value.
         *
         * @param setting the setting
         * @return this builder
         */
        public Builder setting(PhpSetting setting) {
            requireWordPress("setting");
            Objects.requireNonNull(setting, "setting cannot be null");
            wordpress = (wordpress == null ? WordPressConfig.empty() : wordpress).with(setting);
            return this;
        }

        /**
         * Another PHP application's configuration instead of WordPress's; excludes {@link #database} and
         * {@link #constant}.
         *
         * @param config the file and its settings
         * @return this builder
         */
        public Builder config(PhpConfig config) {
            Objects.requireNonNull(config, "config cannot be null");
            if (wordpress != null) {
                throw new IllegalStateException("config(...) replaces WordPress's settings; do not combine it with"
                        + " database(...) or constant(...)");
            }
            RemotePaths.checkRelative(Objects.requireNonNull(config.file(), "config.file() cannot be null"),
                    "config file");
            custom = config;
            return this;
        }

        private void requireWordPress(String what) {
            if (custom != null) {
                throw new IllegalStateException(what + "(...) sets WordPress settings but a custom config(...)"
                        + " was given; put the setting into that PhpConfig");
            }
        }

        /** The syncer; needs docroots, and a database or a config. */
        public WordPressSyncer build() {
            if (sourceDocroot == null || targetDocroot == null) {
                throw new IllegalStateException("docroots(source, target) is required");
            }
            if (custom == null && (wordpress == null || wordpress.settings().isEmpty())) {
                throw new IllegalStateException("nothing to write: give database(...) or config(...)");
            }
            if (custom != null && custom.settings().isEmpty()) {
                throw new IllegalStateException("config(...) has no settings to write");
            }
            return new WordPressSyncer(this);
        }
    }
}
