package io.sitemove.wordpress;

import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.wordpress.internal.IntegrityCheck;
import io.sitemove.wordpress.internal.IntegrityPreflight;
import io.sitemove.wordpress.internal.IntegritySettings;
import io.sitemove.wordpress.internal.TablePrefixParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that the WordPress on the target holds together, and compares it with the source: rows that
 * reference rows that do not exist (postmeta → posts, commentmeta → comments, comments → posts, usermeta →
 * users, term_taxonomy → terms, term_relationships → term_taxonomy and → posts, posts' parent and author),
 * attachment files under {@code wp-content/uploads}, {@code siteurl} and {@code home}, and required options.
 * An orphan or a missing file the source has too was there before the migration: it is reported as INFO,
 * "already on the source", and does not block. Each orphan is named by its table and key, each file by its path.
 *
 * <pre>{@code
 * Verifier wordpress = WordPressIntegrityVerifier.builder()
 *         .docroots("/var/www/shop", "/srv/www/shop")
 *         .databases(oldDb, newDb)
 *         .expectedUrls("https://shop.example", "https://shop.example")
 *         .requiredOptions("woocommerce_version")
 *         .build();
 * }</pre>
 *
 * <p>The table prefix is read from each side's {@code wp-config.php} over SSH (parsed, no PHP runs) unless
 * {@link Builder#tablePrefix(String)} gives it. Both databases are read at once, with queries that run in
 * the servers; the upload files are looked up over SSH in batches. Runs at FUNCTIONAL and CUTOVER unless
 * {@link Builder#stages} says otherwise. Instances are immutable and thread-safe.
 */
public final class WordPressIntegrityVerifier implements Verifier {
    /** The options required by default: {@code siteurl}, {@code home} and what every WordPress has. */
    public static final List<String> DEFAULT_REQUIRED_OPTIONS = List.of("siteurl", "home", "blogname", "template",
            "stylesheet", "active_plugins", "db_version");
    /** The most orphans (or files) of each kind listed per check by default. */
    public static final int DEFAULT_MAX_LISTED = 20;

    private final IntegritySettings settings;
    private final Set<VerifyStage> stages;

    private WordPressIntegrityVerifier(IntegritySettings settings, Set<VerifyStage> stages) {
        this.settings = settings;
        this.stages = Collections.unmodifiableSet(EnumSet.copyOf(stages));
    }

    /**
     * Starts describing the verifier; {@link Builder#docroots} and {@link Builder#databases} are required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code "wordpress-integrity"}. */
    @Override
    public String name() {
        return "wordpress-integrity";
    }

    /** The stages chosen with {@link Builder#stages}, by default FUNCTIONAL and CUTOVER. */
    @Override
    public Set<VerifyStage> stages() {
        return stages;
    }

    /**
     * Reads both databases at once, then looks the target's attachment files up over SSH. Blocking: a core
     * table, a reference, an option or a file the source has and the target lacks, and a {@code siteurl} or
     * {@code home} other than expected. INFO: what the source lacks too. Pending: an upload written on the
     * source after the last file sync started (not at CUTOVER).
     */
    @Override
    public Verification verify(VerifyContext ctx) {
        return new IntegrityCheck(settings, name()).run(ctx);
    }

    /**
     * Checks that each side's table prefix can be read (from {@code wp-config.php} unless given) and that the
     * source's database holds that prefix's options table.
     */
    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        return IntegrityPreflight.run(ctx, settings);
    }

    @Override
    public String toString() {
        return "WordPressIntegrityVerifier[" + settings.sourceDb().where() + " -> " + settings.targetDb().where()
                + ", " + settings.targetDocroot() + "]";
    }

    /** Describes a {@link WordPressIntegrityVerifier}; validates as it goes. Not thread-safe. */
    public static final class Builder {
        private String sourceDocroot;
        private String targetDocroot;
        private DbEndpoint sourceDb;
        private DbEndpoint targetDb;
        private String tablePrefix;
        private final Map<String, String> expectedUrls = new LinkedHashMap<>();
        private final List<String> requiredOptions = new ArrayList<>(DEFAULT_REQUIRED_OPTIONS);
        private String uploadsDir = "wp-content/uploads";
        private Set<VerifyStage> stages = EnumSet.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER);
        private int maxListed = DEFAULT_MAX_LISTED;
        private String filesSyncer = "files";

        private Builder() {
        }

        /**
         * The WordPress docroots, read over SSH on each server: where {@code wp-config.php} is looked for
         * (there or one level above) and the uploads directory lies.
         *
         * @param source the docroot on the source server, absolute
         * @param target the docroot on the target server, absolute
         * @return this builder
         * @throws IllegalArgumentException if one is not an absolute path, or is {@code /}
         */
        public Builder docroots(String source, String target) {
            sourceDocroot = RemotePaths.checkRoot(Objects.requireNonNull(source, "source docroot cannot be null"),
                    "source docroot");
            targetDocroot = RemotePaths.checkRoot(Objects.requireNonNull(target, "target docroot cannot be null"),
                    "target docroot");
            return this;
        }

        /**
         * The databases holding the site's tables.
         *
         * @param source the source's database
         * @param target the target's database
         * @return this builder
         */
        public Builder databases(DbEndpoint source, DbEndpoint target) {
            sourceDb = Objects.requireNonNull(source, "source database cannot be null");
            targetDb = Objects.requireNonNull(target, "target database cannot be null");
            return this;
        }

        /**
         * The table prefix on both servers, instead of reading {@code $table_prefix} from each side's
         * {@code wp-config.php}.
         *
         * @param prefix letters, digits and {@code _}, as WordPress allows
         * @return this builder
         * @throws IllegalArgumentException if WordPress would not accept it
         */
        public Builder tablePrefix(String prefix) {
            Objects.requireNonNull(prefix, "tablePrefix cannot be null");
            if (!TablePrefixParser.VALID.matcher(prefix).matches()) {
                throw new IllegalArgumentException("table prefix '" + prefix
                        + "' must be 1 to 64 letters, digits or '_'");
            }
            tablePrefix = prefix;
            return this;
        }

        /**
         * The {@code siteurl} and {@code home} the target must hold (a trailing slash is ignored). Without
         * this, the target's must equal the source's.
         *
         * @param siteUrl the expected {@code siteurl}
         * @param home the expected {@code home}
         * @return this builder
         * @throws IllegalArgumentException if one is not an http or https URL
         */
        public Builder expectedUrls(String siteUrl, String home) {
            expectedUrls.put("siteurl", url(siteUrl, "siteUrl"));
            expectedUrls.put("home", url(home, "home"));
            return this;
        }

        private static String url(String url, String what) {
            Objects.requireNonNull(url, what + " cannot be null");
            if (!url.matches("https?://[^\\s/?#]+(/[^\\s]*)?")) {
                throw new IllegalArgumentException(what + " '" + url + "' must be an http or https URL");
            }
            return url;
        }

        /**
         * Options that must exist on the target, in addition to {@link #DEFAULT_REQUIRED_OPTIONS}.
         *
         * @param names option names
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or longer than WordPress's 191 characters
         */
        public Builder requiredOptions(String... names) {
            Objects.requireNonNull(names, "names cannot be null");
            for (String name : names) {
                Objects.requireNonNull(name, "an option name cannot be null");
                if (name.isBlank() || name.length() > 191) {
                    throw new IllegalArgumentException("option name '" + name + "' must be 1 to 191 characters");
                }
                if (!requiredOptions.contains(name)) {
                    requiredOptions.add(name);
                }
            }
            return this;
        }

        /**
         * The uploads directory relative to the docroot on both servers, by default {@code wp-content/uploads}.
         *
         * @param relative a relative path without {@code .} or {@code ..} segments
         * @return this builder
         * @throws IllegalArgumentException if it is absolute or climbs out of the docroot
         */
        public Builder uploadsDir(String relative) {
            Objects.requireNonNull(relative, "uploadsDir cannot be null");
            String trimmed = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
            if (trimmed.isEmpty() || trimmed.startsWith("/") || trimmed.indexOf('\0') >= 0
                    || ("/" + trimmed + "/").matches(".*/(\\.{1,2})?/.*")) {
                throw new IllegalArgumentException("uploadsDir '" + relative
                        + "' must be a path relative to the docroot, without '.' or '..' segments");
            }
            uploadsDir = trimmed;
            return this;
        }

        /**
         * The stages the verifier runs at, by default FUNCTIONAL and CUTOVER.
         *
         * @param first a stage
         * @param more more stages
         * @return this builder
         */
        public Builder stages(VerifyStage first, VerifyStage... more) {
            Objects.requireNonNull(first, "stage cannot be null");
            Objects.requireNonNull(more, "stages cannot be null");
            EnumSet<VerifyStage> chosen = EnumSet.of(first);
            for (VerifyStage stage : more) {
                chosen.add(Objects.requireNonNull(stage, "stage cannot be null"));
            }
            stages = chosen;
            return this;
        }

        /**
         * The most orphaned rows (and missing files) of each kind listed one by one per check; the rest are
         * counted in one finding. By default {@value #DEFAULT_MAX_LISTED}.
         *
         * @param max 1 to 1000
         * @return this builder
         * @throws IllegalArgumentException if outside 1..1000
         */
        public Builder maxListedOrphans(int max) {
            if (max < 1 || max > 1000) {
                throw new IllegalArgumentException("maxListedOrphans " + max + " must be 1 to 1000");
            }
            maxListed = max;
            return this;
        }

        /**
         * The name of the plan's file syncer, {@code "files"} by default (the file syncer's own default). Before
         * the cutover, an upload file missing on the target that the source wrote after that syncer's last sync
         * started is reported as pending, not as lost; at the cutover everything must be there.
         *
         * @param name the syncer's {@code name()}
         * @return this builder
         * @throws IllegalArgumentException if blank
         */
        public Builder filesSyncer(String name) {
            Objects.requireNonNull(name, "filesSyncer cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("filesSyncer cannot be blank");
            }
            filesSyncer = name;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the docroots or the databases were not given
         */
        public WordPressIntegrityVerifier build() {
            if (sourceDocroot == null) {
                throw new IllegalStateException("the WordPress verifier needs docroots(source, target)");
            }
            if (sourceDb == null) {
                throw new IllegalStateException("the WordPress verifier needs databases(source, target)");
            }
            return new WordPressIntegrityVerifier(new IntegritySettings(sourceDocroot, targetDocroot, sourceDb, targetDb,
                    tablePrefix, expectedUrls, requiredOptions, uploadsDir, maxListed, filesSyncer), stages);
        }
    }
}
