package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class TestkitWordPressIT {

    @Test
    void installsARealWordPressThatNginxServesAndWhoseApiWritesRows(Testkit kit) throws Exception {
        WordPressSite site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database("blog").tablePrefix("tk_")
                .title("Testkit Blog").install();

        long post = site.addPost("A post from the testkit", "<p>Words</p>");
        long comment = site.addComment(post, "Ann", "Nice words");
        long meta = site.addPostMeta(post, "colour", "blue");
        WordPressSite.Attachment image = site.addAttachment(post, "dot.txt", "a dot".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> home = get(kit, "/");
        assertEquals(200, home.statusCode(), home.headers().map() + home.body());
        assertTrue(home.body().contains("<title>Testkit Blog"), home.body());
        assertTrue(home.body().contains("A post from the testkit"), home.body());
        HttpResponse<String> single = get(kit, "/?p=" + post, HttpClient.Redirect.NORMAL);
        assertEquals(200, single.statusCode(), single.headers().map() + single.body());
        assertTrue(single.uri().getPath().endsWith("/a-post-from-the-testkit/"), single.uri().toString());
        assertTrue(single.body().contains("Nice words"), single.body());
        HttpResponse<String> upload = get(kit, "/wp-content/uploads/" + image.file());
        assertEquals(200, upload.statusCode());
        assertEquals("a dot", upload.body());
        assertEquals("a dot", Files.readString(image.path()));
        assertTrue(image.file().endsWith("/dot.txt"), image.file());
        long later = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).existing().addPost("Written later", "<p>Again</p>");
        try (Connection c = kit.oldDb().connect("blog"); Statement s = c.createStatement()) {
            assertEquals("Written later", single(s, "SELECT post_title FROM tk_posts WHERE ID = " + later));
            assertEquals(site.url(), single(s, "SELECT option_value FROM tk_options WHERE option_name = 'siteurl'"));
            assertEquals(site.url(), single(s, "SELECT option_value FROM tk_options WHERE option_name = 'home'"));
            assertEquals(Long.toString(post), single(s, "SELECT comment_post_ID FROM tk_comments WHERE comment_ID = " + comment));
            assertEquals("blue", single(s, "SELECT meta_value FROM tk_postmeta WHERE meta_id = " + meta));
            assertEquals(image.file(), single(s, "SELECT meta_value FROM tk_postmeta WHERE meta_key = '_wp_attached_file'"
                    + " AND post_id = " + image.id()));
            assertEquals(site.adminUser(), single(s, "SELECT user_login FROM tk_users WHERE ID = 1"));
        }
    }

    private static HttpResponse<String> get(Testkit kit, String path) throws Exception {
        return get(kit, path, HttpClient.Redirect.NEVER);
    }

    private static HttpResponse<String> get(Testkit kit, String path, HttpClient.Redirect redirect) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(redirect).build()
                .send(HttpRequest.newBuilder(kit.oldWeb().uri(path)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
