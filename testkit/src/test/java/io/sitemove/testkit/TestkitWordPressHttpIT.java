package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class TestkitWordPressHttpIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * One test, one WordPress: php-fpm's opcache keeps a replaced wp-config.php for a moment, so a second install
     * into the same docroot in the same kit could still talk to the first one's database.
     */
    @Test
    void seedsPostsPagesCommentsUsersCategoriesAndMediaThroughWordPressOwnHttpInterfaces(Testkit kit) throws Exception {
        WordPressSite site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database("hblog").title("Http Blog")
                .install();
        WordPressHttp http = site.http();

        WordPressHttp.Created category = http.createCategory("Field Notes");
        WordPressHttp.Created post = http.createPost("Seeded over HTTP", "<p>REST words</p>", category.id());
        WordPressHttp.Created page = http.createPage("About the blog", "<p>A page of its own</p>");
        // the visitor first: WordPress would take it for a flood within 15 s of another comment from loopback
        WordPressHttp.Created visitor = http.postVisitorComment(post.id(), "Bob", "bob@example.test",
                "A visitor was here");
        WordPressHttp.Created rest = http.createComment(post.id(), "Ann", "ann@example.test", "Nice REST words");
        TestkitException flood = assertThrows(TestkitException.class,
                () -> http.postVisitorComment(post.id(), "Bob", "bob@example.test", "Too soon"));
        assertTrue(flood.getMessage().contains("HTTP 429"), flood.getMessage());
        WordPressHttp.Created user = http.createUser("editor1", "editor1@example.test", "Edit0r-pass!", "editor");
        byte[] png = png();
        WordPressHttp.Media media = http.uploadMedia("dot.png", "image/png", png);

        try (Connection c = kit.oldDb().connect("hblog"); Statement s = c.createStatement()) {
            assertEquals("post|publish|Seeded over HTTP", single(s, "SELECT CONCAT_WS('|', post_type, post_status,"
                    + " post_title) FROM wp_posts WHERE ID = " + post.id()));
            assertEquals("page|publish|About the blog", single(s, "SELECT CONCAT_WS('|', post_type, post_status,"
                    + " post_title) FROM wp_posts WHERE ID = " + page.id()));
            assertEquals("Field Notes", single(s, "SELECT t.name FROM wp_terms t JOIN wp_term_taxonomy x"
                    + " ON x.term_id = t.term_id JOIN wp_term_relationships r ON r.term_taxonomy_id = x.term_taxonomy_id"
                    + " WHERE x.taxonomy = 'category' AND t.term_id = " + category.id() + " AND r.object_id = " + post.id()));
            assertEquals(post.id() + "|Ann|1", single(s, "SELECT CONCAT_WS('|', comment_post_ID, comment_author,"
                    + " comment_approved) FROM wp_comments WHERE comment_ID = " + rest.id()));
            assertEquals(post.id() + "|Bob|1|0", single(s, "SELECT CONCAT_WS('|', comment_post_ID, comment_author,"
                    + " comment_approved, user_id) FROM wp_comments WHERE comment_ID = " + visitor.id()));
            assertEquals("0", single(s, "SELECT COUNT(*) FROM wp_comments WHERE comment_content = 'Too soon'"));
            assertEquals("editor1", single(s, "SELECT user_login FROM wp_users WHERE ID = " + user.id()));
            assertTrue(single(s, "SELECT meta_value FROM wp_usermeta WHERE meta_key = 'wp_capabilities' AND user_id = "
                    + user.id()).contains("\"editor\""));
            String file = single(s, "SELECT meta_value FROM wp_postmeta WHERE meta_key = '_wp_attached_file'"
                    + " AND post_id = " + media.id());
            assertTrue(file.endsWith("/dot.png"), file);
            assertArrayEquals(png, Files.readAllBytes(site.uploads().resolve(file)));
            assertTrue(media.sourceUrl().endsWith("/wp-content/uploads/" + file), media.sourceUrl());
        }

        HttpResponse<byte[]> served = HTTP.send(get(kit, URI.create(media.sourceUrl()).getPath()),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertArrayEquals(png, served.body());
        String postPage = page(kit, post.link());
        assertTrue(postPage.contains("Seeded over HTTP"), postPage);
        assertTrue(postPage.contains("Nice REST words"), postPage);
        assertTrue(postPage.contains("A visitor was here"), postPage);
        assertTrue(page(kit, page.link()).contains("A page of its own"));
        assertTrue(page(kit, category.link()).contains("Seeded over HTTP"));
        assertTrue(page(kit, "/wp-json/wp/v2/posts/" + post.id()).contains("Seeded over HTTP"));
        assertTrue(page(kit, "/?rest_route=/wp/v2/posts/" + post.id()).contains("Seeded over HTTP"));

        assertTrue(http.login(site.adminUser(), site.adminPassword()));
        assertTrue(http.login("editor1", "Edit0r-pass!"));
        assertFalse(http.login(site.adminUser(), site.adminPassword() + "x"));
        WordPressHttp.Created later = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).existing().http()
                .createPost("Written later over HTTP", "<p>Again</p>");
        try (Connection c = kit.oldDb().connect("hblog"); Statement s = c.createStatement()) {
            assertEquals("Written later over HTTP", single(s, "SELECT post_title FROM wp_posts WHERE ID = " + later.id()));
        }
    }

    private static String page(Testkit kit, String address) throws Exception {
        URI uri = URI.create(address);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpResponse<String> answer = HTTP.send(get(kit, path), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), address + " " + answer.headers().map());
        return answer.body();
    }

    private static HttpRequest get(Testkit kit, String path) {
        return HttpRequest.newBuilder(kit.oldWeb().uri(path)).timeout(Duration.ofSeconds(30)).build();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
