package io.sitemove.examples;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a page of the testkit's WordPress theme shows a visitor, read with jsoup: the document title, the
 * site's title, each post (its element id, heading and content as HTML) and each comment's text. Nonces,
 * script versions and other bytes that change from one request to the next are not part of it.
 *
 * @param title the {@code <title>}
 * @param siteTitle the {@code h1#site-title}
 * @param posts the {@code article}s in order
 * @param comments the text of each comment in the comment list, in order
 */
record ThemePage(String title, String siteTitle, List<Post> posts, List<String> comments) {

    /**
     * One post as the theme shows it.
     *
     * @param id the article's element id, {@code post-ID}
     * @param heading its {@code h2} text
     * @param content the article's inner HTML
     */
    record Post(String id, String heading, String content) {
    }

    static ThemePage of(String html) {
        Document doc = Jsoup.parse(html);
        List<Post> posts = doc.select("article").stream()
                .map(a -> new Post(a.id(), a.select("h2").text(), a.html())).toList();
        List<String> comments = doc.select(".commentlist li .comment-body").stream().map(e -> e.text()).toList();
        return new ThemePage(doc.title(), doc.select("h1#site-title").text(), posts, comments);
    }

    List<String> headings() {
        return posts.stream().map(Post::heading).toList();
    }
}
