package io.sitemove.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates content in a {@link WordPressSite} through WordPress's own HTTP interfaces, as an administrator or a
 * visitor would, over the testkit's nginx and php-fpm: the REST API ({@code /wp-json/wp/v2/...}, authenticated
 * with the administrator's application password), the comment form's {@code wp-comments-post.php} and the
 * login form's {@code wp-login.php}. Every request is bounded (5 s to connect, 30 s for the answer).
 *
 * <pre>{@code
 * WordPressHttp http = site.http();
 * WordPressHttp.Created news = http.createCategory("News");
 * WordPressHttp.Created post = http.createPost("Hello", "<p>Over HTTP</p>", news.id());
 * http.createComment(post.id(), "Ann", "ann@example.test", "Nice");
 * WordPressHttp.Created visitor = http.postVisitorComment(post.id(), "Bob", "bob@example.test", "Hi");
 * WordPressHttp.Media photo = http.uploadMedia("photo.png", "image/png", pngBytes);
 * boolean in = http.login(site.adminUser(), site.adminPassword());
 * }</pre>
 *
 * <p>WordPress throttles a visitor's comments: one within 15 seconds of another comment from the same address
 * (the administrator's REST comments included, all coming from loopback) is refused as a flood with HTTP 429.
 * Thread-safe.
 */
public final class WordPressHttp {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern COMMENT_ID = Pattern.compile("(?:#comment-|[?&]unapproved=)(\\d+)");

    private final URI base;
    private final String authorization;
    private final HttpClient client;

    WordPressHttp(URI base, String user, String applicationPassword) {
        this.base = Objects.requireNonNull(base, "base cannot be null");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + applicationPassword).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the address the requests go to: the web server's loopback address and port */
    public URI base() {
        return base;
    }

    /**
     * Publishes a post through {@code POST /wp-json/wp/v2/posts}.
     *
     * @param title its title
     * @param content its HTML content
     * @param categoryIds the categories it is filed under; none leaves WordPress's default category
     * @return the post's ID and permalink
     */
    public Created createPost(String title, String content, long... categoryIds) {
        Map<String, String> form = content(title, content);
        StringBuilder body = new StringBuilder(form(form));
        for (long id : Objects.requireNonNull(categoryIds, "categoryIds cannot be null")) {
            body.append("&categories%5B%5D=").append(id);
        }
        return created(rest("posts", "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of()));
    }

    /**
     * Publishes a page through {@code POST /wp-json/wp/v2/pages}.
     *
     * @param title its title
     * @param content its HTML content
     * @return the page's ID and permalink
     */
    public Created createPage(String title, String content) {
        return created(restForm("pages", content(title, content)));
    }

    /**
     * Creates a category through {@code POST /wp-json/wp/v2/categories}.
     *
     * @param name its name
     * @return the term's ID and the category page's address
     */
    public Created createCategory(String name) {
        return created(restForm("categories", Map.of("name", require(name, "name"))));
    }

    /**
     * Adds an approved comment as the administrator, naming another author, through
     * {@code POST /wp-json/wp/v2/comments}.
     *
     * @param postId the post it comments on
     * @param author the author's name
     * @param email the author's email
     * @param content its text
     * @return the comment's ID and address
     */
    public Created createComment(long postId, String author, String email, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("post", Long.toString(postId));
        form.put("author_name", require(author, "author"));
        form.put("author_email", require(email, "email"));
        form.put("content", require(content, "content"));
        form.put("status", "approved");
        return created(restForm("comments", form));
    }

    /**
     * Creates a user through {@code POST /wp-json/wp/v2/users}.
     *
     * @param login the login name
     * @param email the email, unique on the site
     * @param password the password
     * @param role a role such as {@code author}, {@code editor} or {@code subscriber}
     * @return the user's ID and author page's address
     */
    public Created createUser(String login, String email, String password, String role) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", require(login, "login"));
        form.put("email", require(email, "email"));
        form.put("password", require(password, "password"));
        form.put("roles", require(role, "role"));
        return created(restForm("users", form));
    }

    /**
     * Uploads a file into the media library through {@code POST /wp-json/wp/v2/media}, named by its
     * {@code Content-Disposition}, as the block editor does.
     *
     * @param fileName its file name: letters, digits, {@code .}, {@code _}, {@code -}, with an extension WordPress accepts
     * @param contentType its media type, such as {@code image/png}
     * @param content its bytes
     * @return the attachment's ID, attachment page and the file's address
     * @throws IllegalArgumentException if the file name holds other characters
     */
    public Media uploadMedia(String fileName, String contentType, byte[] content) {
        require(fileName, "fileName");
        require(contentType, "contentType");
        Objects.requireNonNull(content, "content cannot be null");
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("fileName '" + fileName + "' must match " + FILE_NAME);
        }
        String json = rest("media", contentType, content,
                Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
        Created created = created(json);
        String source = WordPressJson.string(json, "source_url").orElseThrow(() -> unexpected("media", json));
        return new Media(created.id(), created.link(), source);
    }

    /**
     * Posts a comment as a visitor who is not logged in, through the comment form's {@code wp-comments-post.php}.
     *
     * @param postId the post it comments on
     * @param author the visitor's name
     * @param email the visitor's email
     * @param content its text
     * @return the comment's ID and the address WordPress sent the visitor back to
     * @throws TestkitException if WordPress refuses it (a flood, a duplicate, comments closed)
     */
    public Created postVisitorComment(long postId, String author, String email, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("comment_post_ID", Long.toString(postId));
        form.put("author", require(author, "author"));
        form.put("email", require(email, "email"));
        form.put("url", "");
        form.put("comment", require(content, "content"));
        form.put("comment_parent", "0");
        form.put("submit", "Post Comment");
        HttpResponse<String> answer = send(client, postForm("/wp-comments-post.php", form));
        String location = answer.headers().firstValue("Location").orElse("");
        Matcher m = COMMENT_ID.matcher(location);
        if (answer.statusCode() != 302 || !m.find()) {
            throw new TestkitException("wp-comments-post.php refused the comment on post " + postId + ": HTTP "
                    + answer.statusCode() + " " + excerpt(answer.body()));
        }
        return new Created(Long.parseLong(m.group(1)), location);
    }

    /**
     * Logs in through {@code wp-login.php} with a fresh cookie jar, as a browser does (the login page first, for
     * WordPress's test cookie), then opens the dashboard with the cookies it set.
     *
     * @param user the login name
     * @param password the password
     * @return whether WordPress set its logged-in cookie and served {@code /wp-admin/} with HTTP 200
     */
    public boolean login(String user, String password) {
        require(user, "user");
        require(password, "password");
        Map<String, String> jar = new LinkedHashMap<>();
        browse(jar, HttpRequest.newBuilder(base.resolve("/wp-login.php")).GET());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("log", user);
        form.put("pwd", password);
        form.put("wp-submit", "Log In");
        form.put("redirect_to", base.resolve("/wp-admin/").toString());
        form.put("testcookie", "1");
        HttpResponse<String> answer = browse(jar, HttpRequest.newBuilder(base.resolve("/wp-login.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        boolean loggedIn = answer.statusCode() == 302 && jar.keySet().stream()
                .anyMatch(name -> name.startsWith("wordpress_logged_in_"));
        return loggedIn && browse(jar, HttpRequest.newBuilder(base.resolve("/wp-admin/")).GET()).statusCode() == 200;
    }

    /**
     * Sends a request with the jar's cookies and keeps those the answer sets. A browser's path rules do not matter
     * here: every cookie goes back to the same site, as WordPress's cookies for {@code /}, {@code /wp-admin} and
     * the plugins' directory all would on the requests made here.
     */
    private HttpResponse<String> browse(Map<String, String> jar, HttpRequest.Builder request) {
        if (!jar.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            jar.forEach((name, value) -> pairs.add(name + "=" + value));
            request.header("Cookie", String.join("; ", pairs));
        }
        HttpResponse<String> answer = send(client, request.timeout(ANSWER).build());
        for (String set : answer.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return answer;
    }

    private static Map<String, String> content(String title, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", require(title, "title"));
        form.put("content", require(content, "content"));
        form.put("status", "publish");
        return form;
    }

    private String restForm(String route, Map<String, String> form) {
        return rest(route, "application/x-www-form-urlencoded", form(form).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private String rest(String route, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/wp-json/wp/v2/" + route)).timeout(ANSWER)
                .header("Authorization", authorization).header("Content-Type", contentType)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> answer = send(client, request.build());
        if (answer.statusCode() != 201) {
            throw new TestkitException("POST /wp-json/wp/v2/" + route + " answered HTTP " + answer.statusCode() + ": "
                    + excerpt(answer.body()));
        }
        return answer.body();
    }

    private static Created created(String json) {
        long id = WordPressJson.number(json, "id").orElseThrow(() -> unexpected("id", json));
        String link = WordPressJson.string(json, "link").orElseThrow(() -> unexpected("link", json));
        return new Created(id, link);
    }

    private HttpRequest postForm(String path, Map<String, String> form) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TestkitException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException(request.method() + " " + request.uri() + " was interrupted", e);
        }
    }

    private static TestkitException unexpected(String field, String json) {
        return new TestkitException("WordPress answered without '" + field + "': " + excerpt(json));
    }

    /** The answer's text without WordPress's error page's head and tags, as short as a message wants it. */
    private static String excerpt(String body) {
        String flat = body.replaceAll("(?is)<head>.*</head>", "").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")
                .strip();
        return flat.length() > 500 ? flat.substring(0, 500) + "..." : flat;
    }

    private static String require(String value, String what) {
        return Objects.requireNonNull(value, what + " cannot be null");
    }

    /**
     * What WordPress created.
     *
     * @param id its ID (post, term, comment or user)
     * @param link its public address as WordPress gives it
     */
    public record Created(long id, String link) {
    }

    /**
     * An uploaded file in the media library.
     *
     * @param id the attachment post's ID
     * @param link the attachment page's address
     * @param sourceUrl the file's own address, under {@code /wp-content/uploads/}
     */
    public record Media(long id, String link, String sourceUrl) {
    }
}
