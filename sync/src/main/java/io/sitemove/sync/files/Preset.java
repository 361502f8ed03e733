package io.sitemove.sync.files;


import java.util.List;

/**
 * Ready-made exclusions for a kind of site, added to a {@link FileSyncer} with
 * {@link FileSyncer.Builder#preset(Preset)}. Without a preset nothing is excluded.
 *
 * <pre>{@code
 * FileSyncer files = FileSyncer.builder()
 *     .sourceRoot("/var/www/shop").targetRoot("/srv/www/shop")
 *     .preset(Preset.WORDPRESS)
 *     .exclude("*.log")
 *     .build();
 * }</pre>
 */
public enum Preset {
    /**
     * A WordPress document root. Leaves out what the new server rebuilds by itself or must not receive:
     * the contents of the page, asset and optimisation caches (WP Super Cache, W3 Total Cache, WP Rocket,
     * WP Fastest Cache, Autoptimize, WP-Optimize, Breeze and others under {@code wp-content/cache};
     * LiteSpeed Cache, Divi, Hummingbird, SiteGround Optimizer in their own directories; caches under
     * {@code wp-content/uploads/cache}) while keeping the directories themselves, which some plugins
     * expect to exist; the interrupted-update area {@code wp-content/upgrade}; staging copies of the site
     * ({@code staging}, {@code wp-staging} at the root and WP STAGING's working files); and the
     * maintenance marker {@code .maintenance} (the file {@code io.sitemove.wordpress.WordPressMaintenance} writes) at the root, so the final sync never carries
     * the old site's maintenance page over. Settings directories such as {@code wp-content/w3tc-config}
     * are copied.
     */
    WORDPRESS(List.of(
            "wp-content/cache/**",
            "wp-content/uploads/cache/**",
            "wp-content/et-cache/**",
            "wp-content/litespeed/**",
            "wp-content/wphb-cache/**",
            "wp-content/uploads/siteground-optimizer-assets/**",
            "wp-content/upgrade/**",
            "/staging",
            "/wp-staging",
            "wp-content/uploads/wp-staging",
            "/.maintenance"));

    private final List<String> excludes;

    Preset(List<String> excludes) {
        this.excludes = excludes;
    }

    /** The exclusion globs of this preset, in the syntax of {@link Exclusions}. */
    public List<String> excludes() {
        return excludes;
    }
}
