package io.sitemove.wordpress;

import java.util.List;
import java.util.Objects;

/**
 * A WordPress site as {@link WordPressDetector} found it, for preflight and a panel's inventory. Read from
 * the files without running PHP, and from the options table when a database was given. Never holds the
 * database password. A value the files do not set as a literal is empty.
 *
 * @param configFile the absolute path of {@code wp-config.php} (in the docroot or the directory above)
 * @param version {@code $wp_version} from {@code wp-includes/version.php}
 * @param tablePrefix {@code $table_prefix}
 * @param multisite whether {@code MULTISITE} is true
 * @param subdomainInstall whether {@code SUBDOMAIN_INSTALL} is true (a multisite on subdomains, else subdirectories)
 * @param dbName {@code DB_NAME}
 * @param dbUser {@code DB_USER}
 * @param dbHost {@code DB_HOST}
 * @param dbCharset {@code DB_CHARSET}
 * @param home the {@code WP_HOME} constant
 * @param siteUrl the {@code WP_SITEURL} constant
 * @param activePlugins the {@code active_plugins} option (plugin files such as {@code akismet/akismet.php}); empty
 *     without a database; the raw option value as its only element when it is not a serialized list of strings
 * @param template the {@code template} option (the parent theme); empty without a database
 * @param stylesheet the {@code stylesheet} option (the active theme); empty without a database
 */
public record DetectedWordPress(String configFile, String version, String tablePrefix, boolean multisite,
        boolean subdomainInstall, String dbName, String dbUser, String dbHost, String dbCharset, String home,
        String siteUrl, List<String> activePlugins, String template, String stylesheet) {
    /** Checks and copies. */
    public DetectedWordPress {
        Objects.requireNonNull(configFile, "configFile cannot be null");
        Objects.requireNonNull(version, "version cannot be null");
        Objects.requireNonNull(tablePrefix, "tablePrefix cannot be null");
        Objects.requireNonNull(dbName, "dbName cannot be null");
        Objects.requireNonNull(dbUser, "dbUser cannot be null");
        Objects.requireNonNull(dbHost, "dbHost cannot be null");
        Objects.requireNonNull(dbCharset, "dbCharset cannot be null");
        Objects.requireNonNull(home, "home cannot be null");
        Objects.requireNonNull(siteUrl, "siteUrl cannot be null");
        activePlugins = List.copyOf(activePlugins);
        Objects.requireNonNull(template, "template cannot be null");
        Objects.requireNonNull(stylesheet, "stylesheet cannot be null");
    }

    /** The same site with what the options table says. */
    DetectedWordPress withOptions(List<String> plugins, String template, String stylesheet) {
        return new DetectedWordPress(configFile, version, tablePrefix, multisite, subdomainInstall, dbName, dbUser,
                dbHost, dbCharset, home, siteUrl, plugins, template, stylesheet);
    }

    /** One line for preflight: "WordPress 6.1.1, prefix wp_, single site, database shop as shop@db:3306, ...". */
    public String summary() {
        return "WordPress " + (version.isEmpty() ? "(version unknown)" : version) + " in " + configFile
                + ", prefix " + tablePrefix + ", " + (multisite ? "multisite on " + (subdomainInstall
                ? "subdomains" : "subdirectories") : "single site") + ", database " + dbName + " as " + dbUser
                + "@" + dbHost + (dbCharset.isEmpty() ? "" : " (" + dbCharset + ")")
                + (home.isEmpty() ? "" : ", WP_HOME " + home) + (siteUrl.isEmpty() ? "" : ", WP_SITEURL " + siteUrl)
                + (stylesheet.isEmpty() ? "" : ", theme " + stylesheet) + ", " + activePlugins.size() + " active plugin"
                + (activePlugins.size() == 1 ? "" : "s");
    }
}
