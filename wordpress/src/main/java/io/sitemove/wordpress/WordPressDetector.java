package io.sitemove.wordpress;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.CheckResult;
import io.sitemove.wordpress.internal.ConfigFiles;
import io.sitemove.wordpress.internal.SerializedStringList;
import io.sitemove.wordpress.internal.TablePrefixParser;
import io.sitemove.wordpress.internal.WpConfigLocation;
import io.sitemove.wordpress.internal.WpFacts;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Detects a WordPress site in a document root over SSH, without running PHP: {@code wp-config.php} (in the
 * docroot or the directory above), the version from {@code wp-includes/version.php}, the table prefix,
 * multisite, the database constants (never the password) and {@code WP_HOME}/{@code WP_SITEURL}; with a
 * database, also the active plugins and theme from the options table.
 *
 * <pre>{@code
 * DetectedWordPress wp = new WordPressDetector("/var/www/shop").database(sourceDb).detect(oldServer);
 * panel.show(wp.version(), wp.activePlugins(), wp.stylesheet());
 * }</pre>
 */
public final class WordPressDetector {
    private static final String COMPONENT = "wordpress";
    private final String docroot;
    private final DbEndpoint database;

    /**
     * @param docroot the site's document root (absolute)
     */
    public WordPressDetector(String docroot) {
        this(RemotePaths.checkRoot(Objects.requireNonNull(docroot, "docroot cannot be null"), "docroot"), null);
    }

    private WordPressDetector(String docroot, DbEndpoint database) {
        this.docroot = docroot;
        this.database = database;
    }

    /**
     * A detector that also reads the active plugins and theme from this database.
     *
     * @param site the site's database, such as the source's
     */
    public WordPressDetector database(DbEndpoint site) {
        return new WordPressDetector(docroot, Objects.requireNonNull(site, "site cannot be null"));
    }

    /**
     * Detects the site.
     *
     * @param server where the docroot is
     * @throws MigrationException (permanent) when there is no WordPress there or its prefix is not literal
     */
    public DetectedWordPress detect(Server server) {
        Objects.requireNonNull(server, "server cannot be null");
        WpConfigLocation config;
        Optional<ConfigFiles.Content> version;
        try (SshConnection ssh = SshConnection.open(server)) {
            config = WpConfigLocation.find(ssh, docroot, WordPressConfig.FILE, true).orElseThrow(() ->
                    MigrationException.permanent("no WordPress in " + docroot + " on " + server.name()
                    + ": no wp-config.php there or in the directory above; check the docroot"));
            version = ConfigFiles.read(ssh, docroot + "/wp-includes/version.php");
        }
        WpFacts facts = WpFacts.of(new String(config.content().content(), StandardCharsets.UTF_8));
        String prefix = facts.variable("table_prefix");
        if (!TablePrefixParser.VALID.matcher(prefix).matches()) {
            throw MigrationException.permanent("no literal $table_prefix WordPress accepts in " + config.path()
                    + " on " + server.name() + "; check that file");
        }
        String wpVersion = version.map(v -> WpFacts.of(new String(v.content(), StandardCharsets.UTF_8))
                .variable("wp_version")).orElse("");
        DetectedWordPress found = new DetectedWordPress(config.path(), wpVersion, prefix, facts.isTrue("MULTISITE"),
                facts.isTrue("SUBDOMAIN_INSTALL"), facts.constant("DB_NAME"), facts.constant("DB_USER"),
                facts.constant("DB_HOST"), facts.constant("DB_CHARSET"), facts.constant("WP_HOME"),
                facts.constant("WP_SITEURL"), List.of(), "", "");
        return database == null ? found : withOptions(found);
    }

    private DetectedWordPress withOptions(DetectedWordPress found) {
        String table = found.tablePrefix() + "options";
        Map<String, byte[]> options = new HashMap<>();
        try (Connection c = Sql.open(database, true); PreparedStatement s = c.prepareStatement("SELECT option_name,"
                + " option_value FROM " + Sql.quote(table) + " WHERE option_name IN ('active_plugins', 'template',"
                + " 'stylesheet')")) {
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    options.put(rows.getString(1), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("read the active plugins and theme", database, table, e);
        }
        byte[] plugins = options.get("active_plugins");
        List<String> active = plugins == null ? List.of() : SerializedStringList.parse(plugins)
                .orElse(List.of(new String(plugins, StandardCharsets.UTF_8)));
        return found.withOptions(active, text(options.get("template")), text(options.get("stylesheet")));
    }

    private static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Detection as a preflight check: passes with the summary of what was found, fails naming what is missing.
     *
     * @param server where the docroot is
     */
    public CheckResult check(Server server) {
        String check = "WordPress in " + docroot + " on " + server.name();
        try {
            return CheckResult.pass(COMPONENT, check, detect(server).summary());
        } catch (MigrationException e) {
            return CheckResult.failed(COMPONENT, check, e);
        }
    }

    @Override
    public String toString() {
        return "WordPressDetector[" + docroot + (database == null ? "" : ", " + database.where()) + "]";
    }
}
