package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.CheckResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import io.sitemove.testkit.WordPressSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class WordPressDetectorIT {
    private static final String PLUGINS = "a:2:{i:0;s:19:\"akismet/akismet.php\";i:1;s:9:\"hello.php\";}";
    private static WordPressSite site;

    @BeforeAll
    static void givenAWordPressWithTwoActivePlugins(Testkit kit) throws Exception {
        site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database("detected").tablePrefix("det_").install();
        try (Connection c = kit.oldDb().connect("detected"); PreparedStatement s = c.prepareStatement(
                "UPDATE det_options SET option_value = ? WHERE option_name = 'active_plugins'")) {
            s.setString(1, PLUGINS);
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void reportsVersionPrefixDatabasePluginsAndThemeWithoutThePassword(Testkit kit) throws Exception {
        Server old = TestServers.oldServer(kit);

        DetectedWordPress wp = new WordPressDetector(site.docroot().toString())
                .database(TestServers.endpoint(kit.oldDb(), "detected")).detect(old);

        assertEquals(phpVersion(site.docroot()), wp.version());
        assertEquals(site.docroot().resolve("wp-config.php").toString(), wp.configFile());
        assertEquals("det_", wp.tablePrefix());
        assertEquals("detected", wp.dbName());
        assertEquals(kit.oldDb().user(), wp.dbUser());
        assertEquals(kit.oldDb().host() + ":" + kit.oldDb().port(), wp.dbHost());
        assertEquals("utf8mb4", wp.dbCharset());
        assertFalse(wp.multisite());
        assertEquals(List.of("akismet/akismet.php", "hello.php"), wp.activePlugins());
        assertEquals(option(kit, "stylesheet"), wp.stylesheet());
        assertEquals(option(kit, "template"), wp.template());
        assertFalse(wp.stylesheet().isEmpty());
        assertFalse(wp.toString().contains(kit.oldDb().password()), wp.toString());
        CheckResult check = new WordPressDetector(site.docroot().toString()).check(old);
        assertTrue(check.passed(), check.toString());
        assertTrue(check.detail().contains("WordPress " + wp.version()), check.detail());
    }

    @Test
    void findsTheConfigOneLevelAboveTheDocrootAndFailsClearlyWithoutOne(Testkit kit) throws Exception {
        Path docroot = Files.createDirectories(kit.oldSsh().root().resolve("above/public"));
        Path config = docroot.getParent().resolve("wp-config.php");
        Files.writeString(config, "<?php\ndefine('DB_NAME', 'up');\ndefine('MULTISITE', true);\n"
                + "define('SUBDOMAIN_INSTALL', true);\ndefine('WP_HOME', 'https://up.example');\n$table_prefix = 'up_';\n");
        Server old = TestServers.oldServer(kit);

        DetectedWordPress wp = new WordPressDetector(docroot.toString()).detect(old);
        Files.delete(config);
        CheckResult missing = new WordPressDetector(docroot.toString()).check(old);

        assertEquals(config.toString(), wp.configFile());
        assertTrue(wp.multisite() && wp.subdomainInstall());
        assertEquals("https://up.example", wp.home());
        assertEquals("", wp.version(), "no wp-includes/version.php there");
        assertFalse(missing.passed());
        assertTrue(missing.detail().contains("no wp-config.php"), missing.detail());
    }

    private static String option(Testkit kit, String name) throws Exception {
        try (Connection c = kit.oldDb().connect("detected");
                PreparedStatement s = c.prepareStatement("SELECT option_value FROM det_options WHERE option_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    /** The version as PHP itself reads it from wp-includes/version.php. */
    private static String phpVersion(Path docroot) throws Exception {
        Process php = new ProcessBuilder("php", "-r", "include $argv[1]; echo $wp_version;",
                docroot.resolve("wp-includes/version.php").toString()).redirectErrorStream(true).start();
        assertTrue(php.waitFor(30, TimeUnit.SECONDS));
        String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, php.exitValue(), out);
        return out;
    }
}
