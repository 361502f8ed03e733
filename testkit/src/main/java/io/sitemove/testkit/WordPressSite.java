package io.sitemove.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real WordPress (Debian's {@code wordpress} package) installed on one side of a {@link Testkit}:
 * its files copied into that side's docroot with a standalone {@code wp-config.php} for that side's
 * MariaDB, served by that side's nginx and php-fpm, its tables created by WordPress's own installer
 * ({@code wp_install}) through php-cli. Content is added through WordPress's API, run by php-cli, or through its
 * HTTP interfaces with {@link #http()}.
 *
 * <pre>{@code
 * WordPressSite site = WordPressSite.builder(testkit.oldWeb(), testkit.oldDb()).database("blog").install();
 * long post = site.addPost("Hello", "<p>First words</p>");
 * site.addComment(post, "Ann", "Nice");
 * WordPressSite.Attachment photo = site.addAttachment(post, "photo.png", pngBytes);
 * // photo.file() is "2026/12/photo.png", under site.uploads()
 * }</pre>
 *
 * <p>Pretty permalinks are on ({@code /%year%/%monthnum%/%day%/%postname%/}, served by the testkit's
 * nginx), so {@code /?p=ID} answers with WordPress's own 301 to the post's address, and the REST API answers
 * under {@code /wp-json/} as well as {@code /?rest_route=}. Each {@code add...} method runs php-cli once, bounded
 * by two minutes; {@link #http()} creates content through WordPress's HTTP interfaces instead. A visitor's first
 * comment is published at once ({@code comment_previously_approved} is off). Not thread-safe.
 */
public final class WordPressSite {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Path docroot;
    private final String database;
    private final String tablePrefix;
    private final String url;
    private final String adminUser;
    private final String adminPassword;
    private final WordPressTool tool;
    private final WebServer web;
    private WordPressHttp http;

    private WordPressSite(Builder b, WordPressTool tool) {
        this.web = b.web;
        this.docroot = b.web.docroot();
        this.database = b.database;
        this.tablePrefix = b.tablePrefix;
        this.url = b.url;
        this.adminUser = b.adminUser;
        this.adminPassword = b.adminPassword;
        this.tool = tool;
    }

    /**
     * Starts describing a WordPress on one side.
     *
     * @param web that side's web server ({@link Testkit#oldWeb()} or {@link Testkit#newWeb()}); WordPress goes
     *     into its docroot
     * @param db that side's MariaDB ({@link Testkit#oldDb()} or {@link Testkit#newDb()})
     * @return a builder; {@link Builder#install()} installs
     */
    public static Builder builder(WebServer web, MariaDb db) {
        return new Builder(web, db);
    }

    /** @return the docroot holding WordPress, {@code wp-config.php} at its top */
    public Path docroot() {
        return docroot;
    }

    /** @return the uploads directory, {@code wp-content/uploads} under the docroot */
    public Path uploads() {
        return docroot.resolve("wp-content/uploads");
    }

    /** @return the database holding its tables */
    public String database() {
        return database;
    }

    /** @return the table prefix, such as {@code wp_} */
    public String tablePrefix() {
        return tablePrefix;
    }

    /** @return the site's URL as its {@code siteurl} and {@code home} options hold it, without a trailing slash */
    public String url() {
        return url;
    }

    /** @return the administrator's login name */
    public String adminUser() {
        return adminUser;
    }

    /** @return the administrator's password */
    public String adminPassword() {
        return adminPassword;
    }

    /**
     * The client that creates content through WordPress's HTTP interfaces on this side's nginx: the REST API as
     * the administrator, with an application password of its own created for them on the first call (by
     * {@link Builder#install()} itself), the comment form and the login form.
     *
     * @return the site's HTTP client, the same on every call
     */
    public synchronized WordPressHttp http() {
        if (http == null) {
            String password = tool.run("app-password", adminUser, "sitemove testkit " + Secrets.password(8));
            http = new WordPressHttp(web.uri("/"), adminUser, password);
        }
        return http;
    }

    /**
     * Publishes a post through {@code wp_insert_post}, by the administrator.
     *
     * @param title its title
     * @param content its HTML content
     * @return the post's ID
     */
    public long addPost(String title, String content) {
        return Long.parseLong(tool.run("post", require(title, "title"), require(content, "content")));
    }

    /**
     * Adds an approved comment through {@code wp_insert_comment}.
     *
     * @param postId the post it comments on
     * @param author the author's name
     * @param content its text
     * @return the comment's ID
     */
    public long addComment(long postId, String author, String content) {
        return Long.parseLong(tool.run("comment", Long.toString(postId), require(author, "author"),
                require(content, "content")));
    }

    /**
     * Adds a meta row to a post through {@code add_post_meta}.
     *
     * @param postId the post
     * @param key the meta key
     * @param value the meta value, stored as given
     * @return the row's {@code meta_id}
     */
    public long addPostMeta(long postId, String key, String value) {
        return Long.parseLong(tool.run("postmeta", Long.toString(postId), require(key, "key"),
                require(value, "value")));
    }

    /**
     * Uploads a file through {@code wp_upload_bits} (into {@code uploads/YYYY/MM/}) and makes it an
     * attachment post through {@code wp_insert_attachment}, which records its {@code _wp_attached_file}.
     *
     * @param parentPostId the post it is attached to, or 0
     * @param fileName its file name, with an extension WordPress accepts ({@code .png}, {@code .jpg}, {@code .txt})
     * @param content the file's bytes
     * @return the attachment
     */
    public Attachment addAttachment(long parentPostId, String fileName, byte[] content) {
        require(fileName, "fileName");
        Objects.requireNonNull(content, "content cannot be null");
        try {
            Path source = Files.createTempFile(docroot.getParent(), "upload", ".bin");
            try {
                Files.write(source, content);
                String[] result = tool.run("attachment", Long.toString(parentPostId), fileName, source.toString())
                        .split("\t", 2);
                return new Attachment(Long.parseLong(result[0]), result[1], uploads().resolve(result[1]));
            } finally {
                Files.deleteIfExists(source);
            }
        } catch (IOException e) {
            throw new TestkitException("cannot stage the upload " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static String require(String value, String what) {
        return Objects.requireNonNull(value, what + " cannot be null");
    }

    /**
     * An attachment post and its file.
     *
     * @param id the attachment post's ID
     * @param file its {@code _wp_attached_file}: the path relative to the uploads directory
     * @param path the file on disk
     */
    public record Attachment(long id, String file, Path path) {
    }

    /** Chooses the database, prefix, URL and administrator of a {@link WordPressSite}. Not thread-safe. */
    public static final class Builder {
        private final WebServer web;
        private final MariaDb db;
        private String database = "wordpress";
        private String tablePrefix = "wp_";
        private String url;
        private String title = "sitemove testkit";
        private String adminUser = "admin";
        private String adminPassword = Secrets.password(20);

        private Builder(WebServer web, MariaDb db) {
            this.web = Objects.requireNonNull(web, "web cannot be null");
            this.db = Objects.requireNonNull(db, "db cannot be null");
            this.url = "http://" + web.host() + ":" + web.port();
        }

        /**
         * @param name the database for the tables, created if missing; default {@code wordpress}
         * @return this builder
         */
        public Builder database(String name) {
            database = checked(name, DATABASE, "database");
            return this;
        }

        /**
         * @param prefix the table prefix, letters, digits and {@code _}; default {@code wp_}
         * @return this builder
         */
        public Builder tablePrefix(String prefix) {
            tablePrefix = checked(prefix, PREFIX, "tablePrefix");
            return this;
        }

        /**
         * @param siteUrl the site's URL ({@code siteurl} and {@code home}); default {@code http://HOST:PORT} of the web server
         * @return this builder
         */
        public Builder url(String siteUrl) {
            Objects.requireNonNull(siteUrl, "url cannot be null");
            if (!siteUrl.matches("https?://[^\\s'\"]+")) {
                throw new IllegalArgumentException("url '" + siteUrl + "' must be an http or https URL");
            }
            url = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
            return this;
        }

        /**
         * @param blogName the site's title ({@code blogname}); default {@code sitemove testkit}
         * @return this builder
         */
        public Builder title(String blogName) {
            title = Objects.requireNonNull(blogName, "title cannot be null");
            return this;
        }

        /**
         * @param user the administrator's login; default {@code admin}
         * @param password the administrator's password; default random
         * @return this builder
         */
        public Builder admin(String user, String password) {
            adminUser = Objects.requireNonNull(user, "user cannot be null");
            adminPassword = Objects.requireNonNull(password, "password cannot be null");
            if (user.isBlank() || password.isEmpty()) {
                throw new IllegalArgumentException("the administrator needs a login and a password");
            }
            return this;
        }

        private static String checked(String value, Pattern pattern, String what) {
            Objects.requireNonNull(value, what + " cannot be null");
            if (!pattern.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " '" + value + "' must match " + pattern);
            }
            return value;
        }

        /**
         * Binds to a WordPress already in the docroot, such as one a migration copied to the new side, without
         * copying or installing anything: its methods then write through that copy's {@code wp-config.php}.
         * The database, prefix, URL and administrator given here are only reported back by the site.
         *
         * @return the site
         * @throws TestkitException if the docroot holds no {@code wp-config.php}
         */
        public WordPressSite existing() {
            Path docroot = web.docroot();
            if (!Files.isRegularFile(docroot.resolve("wp-config.php"))) {
                throw new TestkitException("no WordPress in " + docroot + ": wp-config.php is missing");
            }
            return new WordPressSite(this, WordPressTool.create(docroot.getParent().resolve("wordpress-tool"), docroot,
                    host()));
        }

        private String host() {
            return url.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        }

        /**
         * Copies WordPress into the docroot (replacing what is there), writes {@code wp-config.php},
         * creates the database and runs WordPress's installer, then activates the testkit's theme.
         *
         * @return the installed site, with the administrator as user 1 and WordPress's first post and page
         * @throws MissingBinaryException if Debian's {@code wordpress} or php-cli is not installed
         * @throws TestkitException if a step fails
         */
        public WordPressSite install() {
            Path docroot = web.docroot();
            Dirs.deleteTree(docroot);
            WordPressFiles.copyWordPress(docroot);
            Dirs.write(docroot.resolve("wp-config.php"), WordPressConfig.render(db, database, tablePrefix));
            try {
                db.createDatabase(database);
            } catch (SQLException e) {
                throw new TestkitException("cannot create database " + database + " on " + db.name() + ": "
                        + e.getMessage(), e);
            }
            WordPressTool tool = WordPressTool.create(docroot.getParent().resolve("wordpress-tool"), docroot, host());
            tool.run("install", title, adminUser, adminUser + "@example.test", adminPassword, url, WordPressFiles.THEME);
            WordPressSite site = new WordPressSite(this, tool);
            site.http();
            return site;
        }
    }
}
