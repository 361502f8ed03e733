package io.sitemove.verify;

import io.sitemove.testkit.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small PHP site written into both web servers' docroots: a router in the style of WordPress at the root
 * (home page, {@code /?p=1} redirected to a pretty URL, 404 for anything else) and, per test, a directory of
 * its own, so no PHP file is ever rewritten within php's opcache revalidation window.
 */
final class SitePages {
    static final String SITE = "site.example.test";
    private static final AtomicInteger DIRS = new AtomicInteger();
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private final WebServer old;
    private final WebServer now;
    final String dir;

    SitePages(WebServer old, WebServer now) throws IOException {
        this.old = old;
        this.now = now;
        this.dir = "/t" + DIRS.incrementAndGet() + "-" + System.nanoTime();
        for (WebServer side : List.of(old, now)) {
            Files.writeString(side.docroot().resolve("index.php"), router());
            Files.writeString(side.docroot().resolve("style.css"), "body { color: #333; }\n");
            Files.createDirectories(side.docroot().resolve(dir.substring(1)));
        }
    }

    private static String router() {
        return String.join("\n", "<?php",
                "$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);",
                "if (($_GET['p'] ?? '') === '1') { header('Location: /hello-world/', true, 301); return; }",
                "if ($path === '/hello-world/') {",
                "  echo '<html><head><title>Hello world</title></head><body><h1>Hello world</h1>';",
                "  echo '<p class=\"posted\">Posted ' . date('c') . '</p></body></html>'; return; }",
                "if ($path === '/') {",
                "  echo '<html><head><title>Sample site</title><link rel=\"stylesheet\" href=\"/style.css?ver='"
                        + " . microtime(true) . '\"></head>';",
                "  echo '<body><h1>Sample site</h1><a href=\"/?p=1\">first post</a> <a href=\"/hello-world/#top\">again</a>';",
                "  echo ' <a href=\"https://elsewhere.example.org/\">away</a></body></html>'; return; }",
                "http_response_code(404); echo '<html><head><title>Not found</title></head><body>Not found</body></html>';",
                "");
    }

    /** Writes the same file on both servers, under this test's directory. */
    SitePages both(String name, String content) throws IOException {
        onOld(name, content);
        return onNew(name, content);
    }

    SitePages onOld(String name, String content) throws IOException {
        Files.writeString(path(old, name), content);
        return this;
    }

    SitePages onNew(String name, String content) throws IOException {
        Files.writeString(path(now, name), content);
        return this;
    }

    SitePages bytesOnOld(String name, byte[] content) throws IOException {
        Files.write(path(old, name), content);
        return this;
    }

    SitePages bytesOnBoth(String name, byte[] content) throws IOException {
        Files.write(path(now, name), content);
        return bytesOnOld(name, content);
    }

    SitePages atRootOfBoth(String name, String content) throws IOException {
        for (WebServer side : List.of(old, now)) {
            Files.writeString(side.docroot().resolve(name), content);
        }
        return this;
    }

    private Path path(WebServer side, String name) {
        return side.docroot().resolve(dir.substring(1)).resolve(name);
    }

    /** The http:// URL of {@code name} in this test's directory, as visitors ask for it. */
    String http(String name) {
        return "http://" + SITE + ":" + now.port() + dir + "/" + name;
    }

    /** The https:// URL of {@code name} in this test's directory. */
    String https(String name) {
        return "https://" + SITE + ":" + now.httpsPort() + dir + "/" + name;
    }

    /** The http:// URL of a path at the site's root. */
    String root(String path) {
        return "http://" + SITE + ":" + now.port() + path;
    }

    /** A login form; a POST of user admin and {@code password} starts a session and goes to account.php. */
    static String loginPhp(String password) {
        return String.join("\n", "<?php",
                "session_save_path(__DIR__);",
                "session_start();",
                "if ($_SERVER['REQUEST_METHOD'] === 'POST') {",
                "  if (($_POST['user'] ?? '') === 'admin' && ($_POST['password'] ?? '') === " + php(password) + ") {",
                "    $_SESSION['user'] = 'admin'; header('Location: account.php', true, 302); exit; }",
                "  echo '<title>Log in</title><p class=\"error\">Wrong password</p>'; exit; }",
                "echo '<title>Log in</title><form id=\"login\" method=\"post\"><input name=\"user\">"
                        + "<input name=\"password\" type=\"password\"></form>';",
                "");
    }

    /** The page behind the login: the user's name, or 403 without a session. */
    static String accountPhp() {
        return String.join("\n", "<?php",
                "session_save_path(__DIR__);",
                "session_start();",
                "if (!isset($_SESSION['user'])) { http_response_code(403); echo 'not logged in'; exit; }",
                "echo '<title>Account</title><p id=\"who\">' . htmlspecialchars($_SESSION['user']) . '</p>';",
                "");
    }

    private static String php(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A page with a title, a heading, a price, an image, a style sheet and a time that changes on every load. */
    static String shopPage(String title) {
        return "<?php header('Content-Type: text/html; charset=utf-8'); ?>\n"
                + "<html><head><title>" + title + "</title><link rel=\"stylesheet\" href=\"site.css\">"
                + "<script src=\"app.js?ver=<?= mt_rand() ?>\"></script></head>\n"
                + "<body><h1>Shop</h1><p class=\"price\">12.50 EUR</p><img src=\"logo.png\">\n"
                + "<p>Rendered <?= date('c') ?></p></body></html>\n";
    }
}
