package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Counts;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.SyncDetails;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import io.sitemove.testkit.WordPressSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class WordPressIntegrityVerifierIT {
    private static final String DATABASE = "shop";
    private static final String PREFIX = "shop_";

    private static WordPressSite site;
    private static long post;
    private static WordPressSite.Attachment image;

    @BeforeAll
    static void givenAWordPressSiteCopiedFaithfullyToTheNewServer(Testkit kit) throws Exception {
        site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database(DATABASE).tablePrefix(PREFIX).install();
        post = site.addPost("Opening day", "<p>We are open.</p>");
        site.addComment(post, "Ann", "Congratulations");
        site.addPostMeta(post, "colour", "teal");
        image = site.addAttachment(post, "sign.txt", "OPEN".getBytes(StandardCharsets.UTF_8));
        site.addAttachment(post, "menu.txt", "soup".getBytes(StandardCharsets.UTF_8));
        FaithfulCopy.files(site.docroot(), kit.newWeb().docroot());
        FaithfulCopy.database(kit.oldDb(), kit.newDb(), DATABASE);
    }

    private static WordPressIntegrityVerifier.Builder verifier(Testkit kit) {
        return WordPressIntegrityVerifier.builder()
                .docroots(site.docroot().toString(), kit.newWeb().docroot().toString())
                .databases(TestServers.endpoint(kit.oldDb(), DATABASE), TestServers.endpoint(kit.newDb(), DATABASE));
    }

    private static Verification verify(Testkit kit, WordPressIntegrityVerifier verifier) {
        return verifier.verify(new TestVerifyContext("shop", TestServers.oldServer(kit), TestServers.newServer(kit),
                VerifyStage.FUNCTIONAL));
    }

    @Test
    void aFaithfulCopyPassesWithNothingToReport(Testkit kit) {
        Verification result = verify(kit, verifier(kit).expectedUrls(site.url(), site.url()).build());

        assertTrue(result.passed(), result.findings().toString());
        assertEquals(List.of(), result.findings());
        assertTrue(result.summary().contains("0 of 2 attachment files missing"), result.summary());
    }

    @Test
    void anOrphanedPostmetaRowOnTheTargetIsBlockingAndNamesItsMetaIdAndPostId(Testkit kit) throws Exception {
        long metaId = insertOrphanMeta(kit.newDb().connect(DATABASE), 0, 987654);
        try {
            Verification result = verify(kit, verifier(kit).build());

            assertFalse(result.passed());
            Finding orphan = only(result, "orphan");
            assertEquals(Finding.Severity.BLOCKING, orphan.severity());
            assertEquals(PREFIX + "postmeta meta_id " + metaId, orphan.subject());
            assertEquals("post_id 987654 in " + PREFIX + "posts (ID)", orphan.expected());
        } finally {
            deleteMeta(kit.newDb().connect(DATABASE), metaId);
        }
    }

    @Test
    void anOrphanTheSourceHasTooIsReportedAsAlreadyOnTheSourceAndDoesNotBlock(Testkit kit) throws Exception {
        long metaId = insertOrphanMeta(kit.oldDb().connect(DATABASE), 0, 555000);
        insertOrphanMeta(kit.newDb().connect(DATABASE), metaId, 555000);
        try {
            Verification result = verify(kit, verifier(kit).build());

            assertTrue(result.passed(), result.findings().toString());
            Finding orphan = only(result, "orphan");
            assertEquals(Finding.Severity.INFO, orphan.severity());
            assertEquals(PREFIX + "postmeta meta_id " + metaId, orphan.subject());
            assertTrue(orphan.actual().contains("already on the source"), orphan.toText());
        } finally {
            deleteMeta(kit.oldDb().connect(DATABASE), metaId);
            deleteMeta(kit.newDb().connect(DATABASE), metaId);
        }
    }

    @Test
    void aMissingUploadFileOnTheTargetIsBlockingAndNamesItsPath(Testkit kit) throws Exception {
        Path onTarget = kit.newWeb().docroot().resolve("wp-content/uploads").resolve(image.file());
        Path aside = onTarget.resolveSibling("aside.bak");
        Files.move(onTarget, aside);
        try {
            Verification result = verify(kit, verifier(kit).build());

            assertFalse(result.passed());
            Finding missing = only(result, "upload-file");
            assertEquals(Finding.Severity.BLOCKING, missing.severity());
            assertEquals(onTarget.toString(), missing.subject());
            assertTrue(missing.expected().contains("attachment " + image.id()), missing.toText());
            assertTrue(result.summary().contains("1 of 2 attachment files missing"), result.summary());
        } finally {
            Files.move(aside, onTarget);
        }
    }

    @Test
    void anUploadWrittenOnTheSourceAfterTheLastFileSyncStartedIsPendingUntilTheCutover(Testkit kit) throws Exception {
        Path onTarget = kit.newWeb().docroot().resolve("wp-content/uploads").resolve(image.file());
        Path aside = onTarget.resolveSibling("aside.bak");
        Instant syncStarted = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(image.path(), FileTime.from(Instant.now()));
        List<EntryData.Synced> syncs = List.of(new EntryData.Synced("files", SyncMode.DELTA, Direction.FORWARD,
                syncStarted, new SyncResult(Counts.ZERO, 0, 0, Duration.ofSeconds(1), "", SyncDetails.none())));
        Files.move(onTarget, aside);
        try {
            WordPressIntegrityVerifier verifier = verifier(kit).build();
            Verification functional = verifier.verify(new TestVerifyContext("shop", TestServers.oldServer(kit),
                    TestServers.newServer(kit), VerifyStage.FUNCTIONAL, syncs));
            Verification cutover = verifier.verify(new TestVerifyContext("shop", TestServers.oldServer(kit),
                    TestServers.newServer(kit), VerifyStage.CUTOVER, syncs));

            assertTrue(functional.passed(), functional.findings().toString());
            Finding pending = only(functional, "upload-file");
            assertTrue(pending.pending(), pending.toText());
            assertEquals(onTarget.toString(), pending.subject());
            assertFalse(cutover.passed());
            assertFalse(only(cutover, "upload-file").pending());
        } finally {
            Files.move(aside, onTarget);
        }
    }

    @Test
    void aSiteurlOtherThanThePlanExpectsIsBlocking(Testkit kit) throws Exception {
        setOption(kit.newDb().connect(DATABASE), "siteurl", "http://old-name.example.test");
        try {
            Verification result = verify(kit, verifier(kit).expectedUrls(site.url(), site.url()).build());

            assertFalse(result.passed());
            Finding url = only(result, "option-url");
            assertEquals("option siteurl in " + PREFIX + "options", url.subject());
            assertEquals("http://old-name.example.test", url.actual());
            assertTrue(url.expected().startsWith(site.url()), url.toText());
        } finally {
            setOption(kit.newDb().connect(DATABASE), "siteurl", site.url());
        }
    }

    @Test
    void aTermRelationshipToAMissingTaxonomyIsNamedByBothKeyColumns(Testkit kit) throws Exception {
        execute(kit.newDb().connect(DATABASE), "INSERT INTO " + PREFIX + "term_relationships (object_id,"
                + " term_taxonomy_id) VALUES (" + post + ", 424242)");
        try {
            Verification result = verify(kit, verifier(kit).build());

            Finding orphan = only(result, "orphan");
            assertEquals(PREFIX + "term_relationships object_id " + post + ", term_taxonomy_id 424242", orphan.subject());
            assertEquals("term_taxonomy_id 424242 in " + PREFIX + "term_taxonomy (term_taxonomy_id)", orphan.expected());
            assertTrue(orphan.blocks(), orphan.toText());
        } finally {
            execute(kit.newDb().connect(DATABASE), "DELETE FROM " + PREFIX + "term_relationships WHERE"
                    + " term_taxonomy_id = 424242");
        }
    }

    @Test
    void everyReferenceWordPressKeepsIsCheckedAndItsOrphanNamed(Testkit kit) throws Exception {
        String p = PREFIX;
        List<String> plant = List.of(
                "INSERT INTO " + p + "postmeta (meta_id, post_id, meta_key) VALUES (900101, 900001, 'k')",
                "INSERT INTO " + p + "commentmeta (meta_id, comment_id, meta_key) VALUES (900102, 900002, 'k')",
                "INSERT INTO " + p + "comments (comment_ID, comment_post_ID, comment_author, comment_content)"
                        + " VALUES (900103, 900003, 'a', 'c')",
                "INSERT INTO " + p + "usermeta (umeta_id, user_id, meta_key) VALUES (900104, 900004, 'k')",
                "INSERT INTO " + p + "term_taxonomy (term_taxonomy_id, term_id, taxonomy, description)"
                        + " VALUES (900105, 900005, 'category', '')",
                "INSERT INTO " + p + "term_relationships (object_id, term_taxonomy_id) VALUES (900006, 1)",
                post(900107, 900007, 1),
                post(900108, 0, 900008));
        List<String> expected = List.of(
                p + "postmeta meta_id 900101|post_id 900001 in " + p + "posts (ID)",
                p + "commentmeta meta_id 900102|comment_id 900002 in " + p + "comments (comment_ID)",
                p + "comments comment_ID 900103|comment_post_ID 900003 in " + p + "posts (ID)",
                p + "usermeta umeta_id 900104|user_id 900004 in " + p + "users (ID)",
                p + "term_taxonomy term_taxonomy_id 900105|term_id 900005 in " + p + "terms (term_id)",
                p + "term_relationships object_id 900006, term_taxonomy_id 1|object_id 900006 in " + p + "posts (ID)",
                p + "posts ID 900107|post_parent 900007 in " + p + "posts (ID)",
                p + "posts ID 900108|post_author 900008 in " + p + "users (ID)");
        try {
            for (String sql : plant) {
                execute(kit.newDb().connect(DATABASE), sql);
            }
            Verification result = verify(kit, verifier(kit).build());

            List<String> orphans = result.findings().stream().filter(f -> f.check().equals("orphan") && f.blocks())
                    .map(f -> f.subject() + "|" + f.expected()).sorted().toList();
            assertEquals(expected.stream().sorted().toList(), orphans, result.findings().toString());
        } finally {
            for (String table : List.of("postmeta", "commentmeta", "comments", "usermeta", "term_taxonomy", "posts")) {
                String key = table.equals("usermeta") ? "umeta_id" : table.equals("comments") ? "comment_ID"
                        : table.equals("term_taxonomy") ? "term_taxonomy_id" : table.equals("posts") ? "ID" : "meta_id";
                execute(kit.newDb().connect(DATABASE), "DELETE FROM " + p + table + " WHERE " + key + " > 900000");
            }
            execute(kit.newDb().connect(DATABASE), "DELETE FROM " + p + "term_relationships WHERE object_id = 900006");
        }
    }

    private static String post(long id, long parent, long author) {
        return "INSERT INTO " + PREFIX + "posts (ID, post_parent, post_author, post_content, post_title, post_excerpt,"
                + " to_ping, pinged, post_content_filtered) VALUES (" + id + ", " + parent + ", " + author
                + ", '', 'planted', '', '', '', '')";
    }

    @Test
    void theTablePrefixIsReadFromAWpConfigOneLevelAboveTheDocroot(Testkit kit) throws Exception {
        Path config = kit.newWeb().docroot().resolve("wp-config.php");
        Path above = kit.newWeb().docroot().getParent().resolve("wp-config.php");
        Files.move(config, above);
        try {
            Verification result = verify(kit, verifier(kit).build());

            assertEquals(List.of(), result.findings());
            assertTrue(result.summary().startsWith("WordPress " + PREFIX + "*"), result.summary());
        } finally {
            Files.move(above, config);
        }
    }

    @Test
    void aTargetWithoutWpConfigIsAFindingAndItsTablesAreStillCheckedUnderTheSourcesPrefix(Testkit kit)
            throws Exception {
        Path config = kit.newWeb().docroot().resolve("wp-config.php");
        Path aside = kit.newWeb().docroot().resolve("wp-config.aside");
        Files.move(config, aside);
        try {
            Verification result = verify(kit, verifier(kit).build());

            Finding missing = only(result, "wp-config");
            assertTrue(missing.blocks(), missing.toText());
            assertEquals(config + " on new", missing.subject());
            assertTrue(missing.actual().contains("no wp-config.php"), missing.toText());
            assertTrue(result.summary().contains("0 of 2 attachment files missing"), result.summary());
        } finally {
            Files.move(aside, config);
        }
    }

    @Test
    void preflightPassesOnBothSidesAndOnATargetNotSyncedYetButNamesASourceWithoutWpConfig(Testkit kit)
            throws Exception {
        TestVerifyContext ctx = new TestVerifyContext("shop", TestServers.oldServer(kit), TestServers.newServer(kit),
                VerifyStage.FUNCTIONAL);
        Path empty = Files.createDirectories(kit.newWeb().docroot().resolve("not-wordpress"));
        Path emptySource = Files.createDirectories(site.docroot().getParent().resolve("not-wordpress"));
        DbEndpoint oldDb = TestServers.endpoint(kit.oldDb(), DATABASE);
        DbEndpoint newDb = TestServers.endpoint(kit.newDb(), DATABASE);

        List<CheckResult> good = verifier(kit).build().preflight(ctx);
        List<CheckResult> beforeFirstSync = WordPressIntegrityVerifier.builder()
                .docroots(site.docroot().toString(), empty.toString()).databases(oldDb, newDb).build().preflight(ctx);
        List<CheckResult> bad = WordPressIntegrityVerifier.builder()
                .docroots(emptySource.toString(), kit.newWeb().docroot().toString()).databases(oldDb, newDb).build()
                .preflight(ctx);

        assertTrue(good.stream().allMatch(CheckResult::passed), good.toString());
        assertTrue(good.get(0).detail().contains(PREFIX + "options"), good.toString());
        assertTrue(beforeFirstSync.stream().allMatch(CheckResult::passed), beforeFirstSync.toString());
        assertTrue(beforeFirstSync.get(1).detail().contains("no wp-config.php there yet"), beforeFirstSync.toString());
        assertFalse(bad.get(0).passed(), bad.toString());
        assertTrue(bad.get(0).detail().contains("no wp-config.php in " + emptySource), bad.toString());
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (connection; Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Finding only(Verification result, String check) {
        List<Finding> found = result.findings().stream().filter(f -> f.check().equals(check)).toList();
        assertEquals(1, found.size(), result.findings().toString());
        assertEquals(1, result.findings().size(), result.findings().toString());
        return found.get(0);
    }

    private static long insertOrphanMeta(Connection connection, long metaId, long postId) throws Exception {
        try (connection; PreparedStatement s = connection.prepareStatement("INSERT INTO " + PREFIX + "postmeta"
                + " (meta_id, post_id, meta_key, meta_value) VALUES (?, ?, 'left_behind', 'x')",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, metaId == 0 ? null : metaId);
            s.setLong(2, postId);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return metaId != 0 ? metaId : keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static void deleteMeta(Connection connection, long metaId) throws Exception {
        try (connection; Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + PREFIX + "postmeta WHERE meta_id = " + metaId);
        }
    }

    private static void setOption(Connection connection, String name, String value) throws Exception {
        try (connection; PreparedStatement s = connection.prepareStatement(
                "UPDATE " + PREFIX + "options SET option_value = ? WHERE option_name = ?")) {
            s.setString(1, value);
            s.setString(2, name);
            assertEquals(1, s.executeUpdate());
        }
    }
}
