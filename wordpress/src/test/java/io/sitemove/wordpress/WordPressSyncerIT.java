package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import io.sitemove.testkit.WordPressSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class WordPressSyncerIT {
    private static final String OLD_DATABASE = "blog";
    private static final String NEW_DATABASE = "blog_moved";
    private static final String NEW_USER = "blogmoved";
    private static final String NEW_PASSWORD = "it's a \\ back\\\\slash, $HOME, \"q\" and ${x}";
    private static final String NEW_TITLE = "Served from the moved database";

    private static WordPressSite site;
    private static Path newDocroot;

    @BeforeAll
    static void givenAWordPressCopiedWithoutItsConfigToANewServerWithItsOwnDatabaseUser(Testkit kit) throws Exception {
        site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database(OLD_DATABASE).tablePrefix("blog_").install();
        site.addPost("Moving day", "<p>We move.</p>");
        newDocroot = kit.newWeb().docroot();
        FaithfulCopy.files(site.docroot(), newDocroot);
        Files.delete(newDocroot.resolve("wp-config.php"));
        FaithfulCopy.database(kit.oldDb(), kit.newDb(), OLD_DATABASE, NEW_DATABASE);
        try (Connection c = kit.newDb().connect(NEW_DATABASE); Statement s = c.createStatement()) {
            String literal = "'" + NEW_PASSWORD.replace("\\", "\\\\").replace("'", "''") + "'";
            s.execute("CREATE USER IF NOT EXISTS '" + NEW_USER + "'@'%' IDENTIFIED BY " + literal);
            s.execute("GRANT ALL ON `" + NEW_DATABASE + "`.* TO '" + NEW_USER + "'@'%'");
            s.execute("UPDATE blog_options SET option_value = '" + NEW_TITLE + "' WHERE option_name = 'blogname'");
        }
        Files.setPosixFilePermissions(site.docroot().resolve("wp-config.php"), PosixFilePermissions.fromString("rw-r-----"));
    }

    private static WordPressSyncer syncer(Testkit kit) {
        DbEndpoint target = new DbEndpoint(kit.newDb().host(), kit.newDb().port(), NEW_DATABASE, NEW_USER,
                Secret.of(NEW_PASSWORD));
        String url = "http://" + kit.newWeb().host() + ":" + kit.newWeb().port();
        return WordPressSyncer.builder().docroots(site.docroot().toString(), newDocroot.toString()).database(target)
                .constant("WP_HOME", url).constant("WP_SITEURL", url).build();
    }

    private static SyncResult sync(Testkit kit, SyncMode mode, Direction direction) {
        return syncer(kit).sync(TestContext.sync(TestServers.oldServer(kit), TestServers.newServer(kit), mode,
                direction));
    }

    @Test
    void theTargetsConfigNamesTheTargetDatabaseAndWordPressServesFromIt(Testkit kit) throws Exception {
        Path config = newDocroot.resolve("wp-config.php");
        Files.deleteIfExists(config);
        Files.deleteIfExists(newDocroot.resolve("wp-config.php.sitemove-orig"));

        SyncResult full = sync(kit, SyncMode.FULL, Direction.FORWARD);

        assertEquals(1, full.moved().files());
        assertEquals(List.of(NEW_DATABASE, NEW_USER, NEW_PASSWORD, kit.newDb().host() + ":" + kit.newDb().port()),
                phpReads(config));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals(withoutSetLines(site.docroot().resolve("wp-config.php")), withoutSetLines(config));
        assertFalse(full.toString().contains("$HOME"), full.toString());
        assertEquals("", full.details(ConfigSyncDetails.class).orElseThrow().backup(), "the target had no file to keep");
        HttpResponse<String> home = get(kit, "/");
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains(NEW_TITLE), home.body());
        assertTrue(home.body().contains("Moving day"), home.body());
    }

    @Test
    void aDeltaAfterTheSourcesFileWasCopiedOverRewritesItAgainKeepingTheTargetsModeAndOneBackup(Testkit kit)
            throws Exception {
        sync(kit, SyncMode.FULL, Direction.FORWARD);
        Path config = newDocroot.resolve("wp-config.php");
        byte[] rewritten = Files.readAllBytes(config);
        assertEquals(0, sync(kit, SyncMode.DELTA, Direction.FORWARD).moved().files(), "nothing to do twice");
        Files.copy(site.docroot().resolve("wp-config.php"), config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        SyncResult delta = sync(kit, SyncMode.DELTA, Direction.FORWARD);
        SyncResult fin = sync(kit, SyncMode.FINAL, Direction.FORWARD);

        assertEquals(1, delta.moved().files());
        assertEquals(0, fin.moved().files());
        assertArrayEquals(rewritten, Files.readAllBytes(config));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals(NEW_PASSWORD, phpReads(config).get(2));
    }

    @Test
    void aFullSyncOverAnExistingTargetFileKeepsTheOriginalOnceAndARollbackTouchesNothing(Testkit kit)
            throws Exception {
        Path config = newDocroot.resolve("wp-config.php");
        Path backup = newDocroot.resolve("wp-config.php.sitemove-orig");
        Files.deleteIfExists(backup);
        byte[] original = "<?php\n// the new server's own file\ndefine('DB_NAME', 'x');\n".getBytes(StandardCharsets.UTF_8);
        Files.write(config, original);
        byte[] sourceBefore = Files.readAllBytes(site.docroot().resolve("wp-config.php"));

        sync(kit, SyncMode.FULL, Direction.FORWARD);
        sync(kit, SyncMode.FULL, Direction.FORWARD);
        SyncResult rollback = sync(kit, SyncMode.DELTA, Direction.REVERSE);

        assertArrayEquals(original, Files.readAllBytes(backup));
        assertEquals(0, rollback.changes());
        assertArrayEquals(sourceBefore, Files.readAllBytes(site.docroot().resolve("wp-config.php")));
        assertEquals(NEW_DATABASE, phpReads(config).get(0));
    }

    @Test
    void theFileSyncerLeavesTheRewrittenConfigAloneThroughFullAndDeltaSyncs(Testkit kit) throws Exception {
        WordPressSyncer config = syncer(kit);
        FileSyncer files = FileSyncer.builder().sourceRoot(site.docroot().toString()).targetRoot(newDocroot.toString())
                .preset(Preset.WORDPRESS).exclude(config.excludes().toArray(String[]::new)).build();
        Files.deleteIfExists(newDocroot.resolve("wp-config.php"));
        TestContext full = TestContext.sync(TestServers.oldServer(kit), TestServers.newServer(kit), SyncMode.FULL,
                Direction.FORWARD);
        TestContext delta = TestContext.sync(TestServers.oldServer(kit), TestServers.newServer(kit), SyncMode.DELTA,
                Direction.FORWARD);

        files.sync(full);
        config.sync(full);
        byte[] rewritten = Files.readAllBytes(newDocroot.resolve("wp-config.php"));
        Files.writeString(site.docroot().resolve("wp-content/uploads-note.txt"), "changed on the old server");
        Files.writeString(site.docroot().resolve("wp-config.php"), Files.readString(site.docroot()
                .resolve("wp-config.php")) + "// edited on the old server\n");
        SyncResult fileDelta = files.sync(delta);
        byte[] afterFileDelta = Files.readAllBytes(newDocroot.resolve("wp-config.php"));
        SyncResult configDelta = config.sync(delta);

        assertArrayEquals(rewritten, afterFileDelta, "the file syncer did not copy the source's config over it");
        assertTrue(fileDelta.moved().files() >= 1, fileDelta.toString());
        assertEquals("changed on the old server", Files.readString(newDocroot.resolve("wp-content/uploads-note.txt")));
        assertEquals(1, configDelta.moved().files(), "the source's edit is carried over by the config syncer");
        assertTrue(Files.readString(newDocroot.resolve("wp-config.php")).endsWith("// edited on the old server\n"));
        assertEquals(rewritten.length + "// edited on the old server\n".length(),
                Files.readAllBytes(newDocroot.resolve("wp-config.php")).length);
        assertEquals(List.of(NEW_DATABASE, NEW_USER, NEW_PASSWORD, kit.newDb().host() + ":" + kit.newDb().port()),
                phpReads(newDocroot.resolve("wp-config.php")));
        assertEquals(200, get(kit, "/").statusCode());
    }

    @Test
    void preflightReportsTheDetectedSiteAndTheWritableTargetWithoutSecrets(Testkit kit) {
        List<io.sitemove.spi.CheckResult> checks = syncer(kit).preflight(TestContext.side(TestServers.oldServer(kit),
                TestServers.newServer(kit), io.sitemove.spi.Side.SOURCE));

        assertEquals(3, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(io.sitemove.spi.CheckResult::passed), checks.toString());
        assertTrue(checks.get(0).detail().contains("prefix blog_") && checks.get(0).detail().contains("database "
                + OLD_DATABASE), checks.get(0).detail());
        assertFalse(checks.toString().contains(kit.oldDb().password()) || checks.toString().contains("$HOME"));
    }

    /** What PHP itself reads from the file: DB_NAME, DB_USER, DB_PASSWORD, DB_HOST, one per line, base64. */
    private static List<String> phpReads(Path config) throws Exception {
        Path abspath = Files.createTempDirectory("abspath");
        Files.writeString(abspath.resolve("wp-settings.php"), "<?php\n");
        String code = "define('ABSPATH', $argv[2] . '/'); include $argv[1];"
                + " foreach (array(DB_NAME, DB_USER, DB_PASSWORD, DB_HOST) as $v) { echo base64_encode($v), \"\\n\"; }";
        Process php = new ProcessBuilder("php", "-r", code, config.toString(), abspath.toString())
                .redirectErrorStream(true).start();
        assertTrue(php.waitFor(30, TimeUnit.SECONDS), "php did not finish in 30 s");
        String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, php.exitValue(), out);
        return out.lines().map(l -> new String(java.util.Base64.getDecoder().decode(l), StandardCharsets.UTF_8)).toList();
    }

    /** The file's lines without those the syncer sets: what must be byte for byte the same. */
    private static List<String> withoutSetLines(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .filter(l -> !l.matches(".*'(DB_NAME|DB_USER|DB_PASSWORD|DB_HOST|WP_HOME|WP_SITEURL)'.*")).toList();
    }

    private static HttpResponse<String> get(Testkit kit, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(kit.newWeb().uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
