package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.DnsCutover;
import io.sitemove.Gate;
import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationStatus;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.RetryPolicy;
import io.sitemove.Secret;
import io.sitemove.Watch;
import io.sitemove.dns.Rfc2136Switcher;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.DnsRecord;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.DnsServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import io.sitemove.testkit.WordPressHttp;
import io.sitemove.testkit.WordPressSite;
import io.sitemove.verify.DatabaseVerifier;
import io.sitemove.verify.HttpVerifier;
import io.sitemove.verify.TreeHashVerifier;
import io.sitemove.wordpress.WordPressIntegrityVerifier;
import io.sitemove.wordpress.WordPressMaintenance;
import io.sitemove.wordpress.WordPressSyncer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A real WordPress, seeded through its own HTTP interfaces, moves through all eight phases to a new server
 * whose database has another name, user and password, while posts and comments are written through
 * WordPress on the old server between the syncs. After the cutover the new server serves what the old one
 * served, an administrator logs in there, and a visitor's comment lands in the new database only; every
 * check is made with curl, jsoup, php-cli and plain SQL, not with sitemove.
 */
@WithTestkit(ssh = true, mariaDb = true, dns = true, web = true)
class WordPressMigrationIT {
    private static final String SITE = "site.example.test";
    private static final String OLD_DATABASE = "blog";
    private static final String OLD_APP_USER = "blog";
    private static final String NEW_DATABASE = "blog_moved";
    private static final String NEW_USER = "blog_mover";
    private static final String NEW_PASSWORD = "it's a \"moved\" blog \\ on $HOME";

    @Test
    void aWordPressSiteWrittenToDuringTheSyncsServesTheSameOnTheNewServerWithItsOwnDatabase(Testkit kit)
            throws Exception {
        String url = "http://" + SITE + ":" + kit.oldWeb().port();
        WordPressSite site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database(OLD_DATABASE).url(url)
                .title("Harbour Notes").install();
        String oldAppPassword = useApplicationAccount(kit, site);
        createNewDatabaseAccount(kit);
        WordPressHttp old = site.http();
        byte[] harbourPng = png(Color.ORANGE);
        WordPressHttp.Created travel = old.createCategory("Travel");
        WordPressHttp.Media photo = old.uploadMedia("harbour.png", "image/png", harbourPng);
        WordPressHttp.Created packing = old.createPost("Packing list", "<p>Socks, maps and a kettle.</p>", travel.id());
        WordPressHttp.Created harbour = old.createPost("The harbour at dawn", "<p>Boats.</p><p><img src=\""
                + photo.sourceUrl() + "\" alt=\"harbour\"></p>", travel.id());
        old.createPage("About us", "<p>Two people and a boat.</p>");
        old.createComment(packing.id(), "Ann", "ann@example.test", "Take a towel too.");
        old.createUser("editor", "editor@example.test", "Edit0r-" + UUID.randomUUID(), "editor");
        Migration m = Migration.open(plan(kit, url, List.of(url + "/", packing.link(), harbour.link(), travel.link(),
                photo.sourceUrl())));

        assertEquals(Gate.FUNCTIONAL_TESTING, m.runTo(Phase.POST_MIGRATION).awaiting().orElseThrow());
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        byte[] quayPng = png(Color.GREEN);
        WordPressHttp.Media quay = old.uploadMedia("quay.png", "image/png", quayPng);
        WordPressHttp.Created firstDelta = old.createPost("Written before the first delta",
                "<p>Still on the old server.</p><p><img src=\"" + quay.sourceUrl() + "\" alt=\"quay\"></p>",
                travel.id());
        old.createComment(harbour.id(), "Bob", "bob@example.test", "Lovely light.");
        m.incrementalSync();
        WordPressHttp.Created secondDelta = old.createPost("Written before the second delta", "<p>The move is near.</p>");
        old.createComment(firstDelta.id(), "Cy", "cy@example.test", "Safe travels.");
        Instant lastComment = Instant.now();
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
        WordPressHttp.Created lastWords = old.createPost("Written before the cutover", "<p>Last words here.</p>",
                travel.id());
        Map<String, String> posts = Map.of(packing.link(), "Packing list", harbour.link(), "The harbour at dawn",
                firstDelta.link(), "Written before the first delta", secondDelta.link(),
                "Written before the second delta", lastWords.link(), "Written before the cutover");
        List<String> pages = new ArrayList<>(List.of(url + "/", travel.link()));
        pages.addAll(posts.keySet());
        PinnedCurl oldServer = new PinnedCurl(kit.oldWeb().host(), kit.workDir().resolve("curl"));
        Map<String, PinnedCurl.Answer> before = fetch(oldServer, pages);
        Map<String, PinnedCurl.Answer> uploadsBefore = fetch(oldServer, List.of(photo.sourceUrl(), quay.sourceUrl()));
        m.cutover();
        MigrationStatus done = m.runTo(Phase.POST_MIGRATION);
        System.out.print(m.report().render());

        assertEquals(State.COMPLETED, done.state(), m.report().render());
        assertEquals(kit.newWeb().host(), IndependentCheck.digA(kit.dns().host(), kit.dns().port(), SITE + "."));
        assertEquals(503, oldServer.get(url + "/").status(), "the old server stays in maintenance");
        PinnedCurl newServer = new PinnedCurl(kit.newWeb().host(), kit.workDir().resolve("curl"));
        Map<String, ThemePage> after = assertServedAlike(before, fetch(newServer, pages));
        posts.forEach((page, title) -> assertEquals(List.of(title), after.get(page).headings(), page));
        assertEquals("Harbour Notes", after.get(url + "/").siteTitle());
        assertTrue(after.get(url + "/").headings().containsAll(List.of("Packing list", "Written before the first delta",
                "Written before the second delta", "Written before the cutover")), after.get(url + "/").toString());
        assertTrue(after.get(travel.link()).headings().containsAll(List.of("Packing list", "The harbour at dawn",
                "Written before the first delta", "Written before the cutover")), after.get(travel.link()).toString());
        assertHasComment(after.get(packing.link()), "Take a towel too.");
        assertHasComment(after.get(harbour.link()), "Lovely light.");
        assertHasComment(after.get(firstDelta.link()), "Safe travels.");
        assertArrayEquals(harbourPng, uploadsBefore.get(photo.sourceUrl()).body(), "the old server served the upload");
        assertArrayEquals(quayPng, uploadsBefore.get(quay.sourceUrl()).body(), "and the one made between the syncs");
        Map<String, PinnedCurl.Answer> uploadsAfter = fetch(newServer, List.of(photo.sourceUrl(), quay.sourceUrl()));
        for (String upload : uploadsBefore.keySet()) {
            assertEquals(200, uploadsAfter.get(upload).status(), upload);
            assertEquals("image/png", uploadsAfter.get(upload).contentType(), upload);
            assertArrayEquals(uploadsBefore.get(upload).body(), uploadsAfter.get(upload).body(), upload);
        }

        assertEquals(List.of(NEW_DATABASE, NEW_USER, NEW_PASSWORD, kit.newDb().host() + ":" + kit.newDb().port()),
                phpReads(kit.newWeb().docroot().resolve("wp-config.php")));
        assertEquals(List.of(OLD_DATABASE, OLD_APP_USER, oldAppPassword), phpReads(site.docroot()
                .resolve("wp-config.php")).subList(0, 3), "the old server's file is left as it was");
        WordPressHttp moved = WordPressSite.builder(kit.newWeb(), kit.newDb()).database(NEW_DATABASE).url(url)
                .existing().http();
        assertTrue(moved.login(site.adminUser(), site.adminPassword()), "the administrator logs in on the new server");
        waitOutCommentFlood(lastComment);
        String words = "Posted on the new server " + UUID.randomUUID();
        WordPressHttp.Created visitor = moved.postVisitorComment(lastWords.id(), "Dee", "dee@example.test", words);
        assertEquals(1, commentsSaying(kit.newDb().connect(NEW_DATABASE), words, visitor.id()));
        assertEquals(0, commentsSaying(kit.oldDb().connect(OLD_DATABASE), words, -1));
    }

    /** Each page answered 200 on both servers and shows the same: returns the new server's pages as read. */
    private static Map<String, ThemePage> assertServedAlike(Map<String, PinnedCurl.Answer> before,
            Map<String, PinnedCurl.Answer> after) {
        Map<String, ThemePage> pages = new LinkedHashMap<>();
        before.forEach((page, was) -> {
            PinnedCurl.Answer is = after.get(page);
            assertEquals(200, was.status(), page + " on the old server: " + was.text());
            assertEquals(200, is.status(), page + " on the new server: " + is.text());
            ThemePage shown = ThemePage.of(is.text());
            assertEquals(ThemePage.of(was.text()), shown, page);
            pages.put(page, shown);
        });
        return pages;
    }

    private static void assertHasComment(ThemePage page, String text) {
        assertTrue(page.comments().stream().anyMatch(c -> c.contains(text)), text + " in " + page);
    }

    private static MigrationPlan plan(Testkit kit, String url, List<String> checked) {
        String oldRoot = kit.oldSsh().root().toString();
        String newRoot = kit.newSsh().root().toString();
        DbEndpoint oldDb = TestServers.endpoint(kit.oldDb(), OLD_DATABASE);
        DbEndpoint newDb = TestServers.endpoint(kit.newDb(), NEW_DATABASE);
        DbEndpoint newSiteDb = new DbEndpoint(kit.newDb().host(), kit.newDb().port(), NEW_DATABASE, NEW_USER,
                Secret.of(NEW_PASSWORD));
        WordPressSyncer config = WordPressSyncer.builder().docroots(oldRoot, newRoot).database(newSiteDb).build();
        FileSyncer files = FileSyncer.builder().sourceRoot(oldRoot).targetRoot(newRoot).preset(Preset.WORDPRESS)
                .exclude(config.excludes().toArray(String[]::new)).build();
        MySqlSyncer database = MySqlSyncer.builder().source(oldDb).target(newDb).applicationUser(OLD_APP_USER + "@%")
                .build();
        DnsServer dns = kit.dns();
        String name = SITE + ".";
        return MigrationPlan.builder("harbour-notes")
                .source(TestServers.oldServer(kit))
                .target(TestServers.newServer(kit))
                .syncer(files)
                .syncer(database)
                .syncer(config)
                .verifier(TreeHashVerifier.of(files))
                .verifier(DatabaseVerifier.builder().against(database).build())
                .verifier(WordPressIntegrityVerifier.builder().docroots(oldRoot, newRoot).databases(oldDb, newDb)
                        .expectedUrls(url, url).build())
                .verifier(HttpVerifier.builder().urls(checked.toArray(String[]::new)).build())
                .dns(DnsCutover.builder(Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), Secret.of(dns.tsigSecret()))
                                .authoritativeServers(List.of(new InetSocketAddress(dns.host(), dns.port())))
                                .build())
                        .names(name)
                        .record(DnsRecord.a(name, 300, kit.newWeb().host()))
                        .record(DnsRecord.a("www." + name, 300, kit.newWeb().host()))
                        .lowerTtlTo(Duration.ofSeconds(2))
                        .waitForTtlExpiry(false)
                        .propagationTimeout(Duration.ofSeconds(30))
                        .build())
                .maintenance(new WordPressMaintenance(oldRoot, newRoot))
                .journal(new DirectoryJournal(kit.workDir().resolve("journal")))
                .retry(RetryPolicy.builder().maxAttempts(2).initialWait(Duration.ofMillis(500)).build())
                .watch(Watch.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .build();
    }

    /**
     * The old WordPress connects as its own account, as sites do, so the final sync can make it read-only
     * (the migration's account is another one).
     *
     * @return that account's password
     */
    private static String useApplicationAccount(Testkit kit, WordPressSite site) throws Exception {
        String password = "app" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = kit.oldDb().connect(OLD_DATABASE); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + OLD_APP_USER + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL PRIVILEGES ON `" + OLD_DATABASE + "`.* TO '" + OLD_APP_USER + "'@'%'");
        }
        Path config = site.docroot().resolve("wp-config.php");
        String text = Files.readString(config, StandardCharsets.ISO_8859_1)
                .replaceFirst("define\\( 'DB_USER', '[^']*' \\);", "define( 'DB_USER', '" + OLD_APP_USER + "' );")
                .replaceFirst("define\\( 'DB_PASSWORD', '[^']*' \\);", "define( 'DB_PASSWORD', '" + password + "' );");
        Files.writeString(config, text, StandardCharsets.ISO_8859_1);
        assertEquals(List.of(OLD_DATABASE, OLD_APP_USER, password), phpReads(config).subList(0, 3));
        return password;
    }

    /** What a panel sets up on the new server before a migration: an account for the site's own database. */
    private static void createNewDatabaseAccount(Testkit kit) throws Exception {
        try (Connection c = kit.newDb().connect(""); PreparedStatement create = c.prepareStatement(
                "CREATE USER '" + NEW_USER + "'@'%' IDENTIFIED BY ?"); Statement s = c.createStatement()) {
            create.setString(1, NEW_PASSWORD);
            create.execute();
            s.execute("GRANT ALL PRIVILEGES ON `" + NEW_DATABASE + "`.* TO '" + NEW_USER + "'@'%'");
        }
    }

    private static Map<String, PinnedCurl.Answer> fetch(PinnedCurl server, List<String> urls) throws Exception {
        Map<String, PinnedCurl.Answer> answers = new LinkedHashMap<>();
        for (String url : urls) {
            answers.put(url, server.get(url));
        }
        return answers;
    }

    /** WordPress refuses a visitor's comment within 15 s of another from the same address (all are loopback). */
    private static void waitOutCommentFlood(Instant lastComment) throws InterruptedException {
        long ms = Duration.between(Instant.now(), lastComment.plusSeconds(16)).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static int commentsSaying(Connection db, String words, long expectedId) throws Exception {
        try (db; PreparedStatement q = db.prepareStatement(
                "SELECT comment_ID FROM wp_comments WHERE comment_content = ?")) {
            q.setString(1, words);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            if (expectedId >= 0) {
                assertEquals(List.of(expectedId), ids);
            }
            return ids.size();
        }
    }

    /** What PHP itself reads from a wp-config.php: DB_NAME, DB_USER, DB_PASSWORD and DB_HOST. */
    private static List<String> phpReads(Path config) throws Exception {
        Path abspath = Files.createTempDirectory("abspath");
        Files.writeString(abspath.resolve("wp-settings.php"), "<?php\n");
        String code = "define('ABSPATH', $argv[2] . '/'); include $argv[1];"
                + " foreach (array(DB_NAME, DB_USER, DB_PASSWORD, DB_HOST) as $v) { echo base64_encode($v), \"\\n\"; }";
        Process php = new ProcessBuilder("php", "-r", code, config.toString(), abspath.toString())
                .redirectErrorStream(true).start();
        String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(php.waitFor(30, TimeUnit.SECONDS), "php did not finish in 30 s");
        assertEquals(0, php.exitValue(), out);
        return out.lines().map(l -> new String(Base64.getDecoder().decode(l), StandardCharsets.UTF_8)).toList();
    }

    /** A small picture, a real PNG WordPress accepts and resizes. */
    private static byte[] png(Color sun) throws Exception {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 60, 120));
        g.fillRect(0, 0, 320, 200);
        g.setColor(sun);
        g.fillOval(200, 30, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
