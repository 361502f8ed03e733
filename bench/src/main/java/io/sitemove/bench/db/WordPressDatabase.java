package io.sitemove.bench.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a WordPress-like database on a MariaDB server, server side (INSERT ... SELECT over the
 * sequence engine, in batches, several tables at once): posts, postmeta with serialized PHP values,
 * options, users, usermeta, terms, term taxonomy and relationships (composite key), comments, a
 * plugin log without a primary key and plugin files with large BLOBs. Scale 1 is about 1 GB.
 */
final class WordPressDatabase {
    private static final long BATCH = 20_000;
    private static final String SERIAL = "CONCAT('a:3:{s:4:\"file\";s:', LENGTH(f), ':\"', f, '\";s:5:\"sizes\";a:1:{s:5:"
            + "\"thumb\";s:', LENGTH(h), ':\"', h, '\";}s:4:\"note\";s:', LENGTH(n), ':\"', n, '\";}')";

    static final List<WordPressTable> TABLES = List.of(
            new WordPressTable("wp_users", "CREATE TABLE wp_users (ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
                    + " user_login varchar(60) NOT NULL DEFAULT '', user_pass varchar(255) NOT NULL DEFAULT '',"
                    + " user_nicename varchar(50) NOT NULL DEFAULT '', user_email varchar(100) NOT NULL DEFAULT '',"
                    + " user_registered datetime NOT NULL DEFAULT '0000-00-00 00:00:00', display_name varchar(250)"
                    + " NOT NULL DEFAULT '', PRIMARY KEY (ID), KEY user_login_key (user_login),"
                    + " KEY user_nicename (user_nicename), KEY user_email (user_email)) ENGINE=InnoDB",
                    20_000, "INSERT INTO wp_users SELECT seq, CONCAT('user', seq), CONCAT('$P$B', SHA2(seq, 224)),"
                    + " CONCAT('user-', seq), CONCAT('user', seq, '@example.test'), '2015-01-01' + INTERVAL seq MINUTE,"
                    + " CONCAT('Üser ', seq) FROM seq_%d_to_%d", "ID", "display_name", false, false),
            new WordPressTable("wp_usermeta", "CREATE TABLE wp_usermeta (umeta_id bigint(20) unsigned NOT NULL"
                    + " AUTO_INCREMENT, user_id bigint(20) unsigned NOT NULL DEFAULT 0, meta_key varchar(255) DEFAULT"
                    + " NULL, meta_value longtext, PRIMARY KEY (umeta_id), KEY user_id (user_id),"
                    + " KEY meta_key (meta_key(191))) ENGINE=InnoDB",
                    400_000, "INSERT INTO wp_usermeta SELECT seq, 1 + seq DIV 20, ELT(1 + seq % 5, 'nickname',"
                    + " 'wp_capabilities', 'wp_user_level', 'session_tokens', 'locale'), IF(seq % 5 = 1,"
                    + " 'a:1:{s:10:\"subscriber\";b:1;}', IF(seq % 7 = 0, NULL, CONCAT('value ', seq)))"
                    + " FROM seq_%d_to_%d", "umeta_id", "meta_value", true, false),
            new WordPressTable("wp_posts", "CREATE TABLE wp_posts (ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
                    + " post_author bigint(20) unsigned NOT NULL DEFAULT 0, post_date datetime NOT NULL DEFAULT"
                    + " '0000-00-00 00:00:00', post_content longtext NOT NULL, post_title text NOT NULL,"
                    + " post_excerpt text NOT NULL, post_status varchar(20) NOT NULL DEFAULT 'publish',"
                    + " post_name varchar(200) NOT NULL DEFAULT '', post_modified datetime NOT NULL DEFAULT"
                    + " '0000-00-00 00:00:00', post_parent bigint(20) unsigned NOT NULL DEFAULT 0, guid varchar(255)"
                    + " NOT NULL DEFAULT '', post_type varchar(20) NOT NULL DEFAULT 'post', comment_count bigint(20)"
                    + " NOT NULL DEFAULT 0, PRIMARY KEY (ID), KEY post_name (post_name(191)),"
                    + " KEY type_status_date (post_type, post_status, post_date, ID), KEY post_parent (post_parent),"
                    + " KEY post_author (post_author)) ENGINE=InnoDB",
                    100_000, "INSERT INTO wp_posts SELECT seq, 1 + seq % 20, '2018-01-01' + INTERVAL seq MINUTE,"
                    + " CONCAT('<!-- wp:paragraph --><p>', REPEAT(CONCAT(SHA2(seq, 256), ' Lorem ipsum dolor sit"
                    + " amet, café \uD83C\uDF89 naïve\\ttab\\nline '), 20), '</p><!-- /wp:paragraph -->'),"
                    + " CONCAT('Post n° ', seq), IF(seq % 3 = 0, '', CONCAT('Excerpt ', seq)), ELT(1 + seq % 4,"
                    + " 'publish', 'draft', 'inherit', 'private'), CONCAT('post-', seq), '2024-01-01' + INTERVAL seq"
                    + " SECOND, IF(seq % 4 = 2, seq - 1, 0), CONCAT('https://example.test/?p=', seq), ELT(1 + seq % 4,"
                    + " 'post', 'page', 'attachment', 'revision'), seq % 9 FROM seq_%d_to_%d", "ID", "post_title", true, false),
            new WordPressTable("wp_postmeta", "CREATE TABLE wp_postmeta (meta_id bigint(20) unsigned NOT NULL"
                    + " AUTO_INCREMENT, post_id bigint(20) unsigned NOT NULL DEFAULT 0, meta_key varchar(255) DEFAULT"
                    + " NULL, meta_value longtext, PRIMARY KEY (meta_id), KEY post_id (post_id),"
                    + " KEY meta_key (meta_key(191))) ENGINE=InnoDB",
                    1_500_000, "INSERT INTO wp_postmeta SELECT seq, 1 + seq DIV 15, ELT(1 + seq % 6, '_edit_lock',"
                    + " '_wp_attachment_metadata', '_thumbnail_id', '_wp_attached_file', '_yoast_wpseo_title',"
                    + " '_elementor_data'), " + SERIAL + " FROM (SELECT seq, CONCAT('2024/05/image-', seq, '.jpg') f,"
                    + " SHA2(seq, 256) h, IF(seq % 5 = 0, 'ünïcode \uD83D\uDE80', '') n FROM seq_%d_to_%d) x",
                    "meta_id", "meta_value", true, false),
            new WordPressTable("wp_options", "CREATE TABLE wp_options (option_id bigint(20) unsigned NOT NULL"
                    + " AUTO_INCREMENT, option_name varchar(191) NOT NULL DEFAULT '', option_value longtext NOT NULL,"
                    + " autoload varchar(20) NOT NULL DEFAULT 'yes', PRIMARY KEY (option_id), UNIQUE KEY option_name"
                    + " (option_name), KEY autoload (autoload)) ENGINE=InnoDB",
                    30_000, "INSERT INTO wp_options SELECT seq, CONCAT('option_', seq), " + SERIAL + ", IF(seq % 3,"
                    + " 'yes', 'no') FROM (SELECT seq, CONCAT('opt-', seq) f, SHA2(seq, 512) h, '' n"
                    + " FROM seq_%d_to_%d) x", "option_id", "option_value", false, false),
            new WordPressTable("wp_terms", "CREATE TABLE wp_terms (term_id bigint(20) unsigned NOT NULL"
                    + " AUTO_INCREMENT, name varchar(200) NOT NULL DEFAULT '', slug varchar(200) NOT NULL DEFAULT '',"
                    + " term_group bigint(10) NOT NULL DEFAULT 0, PRIMARY KEY (term_id), KEY slug (slug(191)),"
                    + " KEY name (name(191))) ENGINE=InnoDB",
                    5_000, "INSERT INTO wp_terms SELECT seq, CONCAT('Term ', seq), CONCAT('term-', seq), 0"
                    + " FROM seq_%d_to_%d", "term_id", "name", false, false),
            new WordPressTable("wp_term_relationships", "CREATE TABLE wp_term_relationships (object_id bigint(20)"
                    + " unsigned NOT NULL DEFAULT 0, term_taxonomy_id bigint(20) unsigned NOT NULL DEFAULT 0,"
                    + " term_order int(11) NOT NULL DEFAULT 0, PRIMARY KEY (object_id, term_taxonomy_id),"
                    + " KEY term_taxonomy_id (term_taxonomy_id)) ENGINE=InnoDB",
                    300_000, "INSERT INTO wp_term_relationships SELECT 1 + seq DIV 3, seq % 3 + 1 + (seq DIV 3) % 1000,"
                    + " seq % 3 FROM seq_%d_to_%d", "object_id", "term_order", false, false),
            new WordPressTable("wp_comments", "CREATE TABLE wp_comments (comment_ID bigint(20) unsigned NOT NULL"
                    + " AUTO_INCREMENT, comment_post_ID bigint(20) unsigned NOT NULL DEFAULT 0, comment_author"
                    + " tinytext NOT NULL, comment_author_email varchar(100) NOT NULL DEFAULT '', comment_date"
                    + " datetime NOT NULL DEFAULT '0000-00-00 00:00:00', comment_content text NOT NULL,"
                    + " comment_approved varchar(20) NOT NULL DEFAULT '1', comment_parent bigint(20) unsigned NOT NULL"
                    + " DEFAULT 0, PRIMARY KEY (comment_ID), KEY comment_post_ID (comment_post_ID),"
                    + " KEY comment_approved_date (comment_approved, comment_date), KEY comment_parent"
                    + " (comment_parent), KEY comment_author_email (comment_author_email(10))) ENGINE=InnoDB",
                    200_000, "INSERT INTO wp_comments SELECT seq, 1 + seq % 100000, CONCAT('Reader ', seq % 977),"
                    + " CONCAT('r', seq % 977, '@mail.test'), '2019-01-01' + INTERVAL seq MINUTE, CONCAT('Great post!"
                    + " ', REPEAT(MD5(seq), 10), ' \uD83D\uDC4D'), IF(seq % 10, '1', 'spam'), IF(seq % 5 = 0, seq - 1, 0)"
                    + " FROM seq_%d_to_%d", "comment_ID", "comment_content", true, false),
            new WordPressTable("wp_plugin_log", "CREATE TABLE wp_plugin_log (n bigint NOT NULL, logged datetime(6)"
                    + " NOT NULL, level varchar(10) NOT NULL, message text, context blob) ENGINE=InnoDB",
                    300_000, "INSERT INTO wp_plugin_log SELECT seq, '2024-01-01 00:00:00.000001' + INTERVAL seq SECOND,"
                    + " ELT(1 + seq % 3, 'info', 'warning', 'error'), CONCAT('request ', SHA2(seq, 256)),"
                    + " IF(seq % 4 = 0, NULL, UNHEX(SHA2(seq, 512))) FROM seq_%d_to_%d", "n", "message", true, true),
            new WordPressTable("wp_plugin_files", "CREATE TABLE wp_plugin_files (id int unsigned NOT NULL"
                    + " AUTO_INCREMENT, name varchar(255) NOT NULL, mime varchar(100) NOT NULL, data longblob NOT NULL,"
                    + " PRIMARY KEY (id), KEY name (name(100))) ENGINE=InnoDB",
                    400, "INSERT INTO wp_plugin_files SELECT seq, CONCAT('backup-', seq, '.zip'), 'application/zip',"
                    + " REPEAT(UNHEX(SHA2(seq, 512)), 4000) FROM seq_%d_to_%d", "id", "name", false, false));

    private WordPressDatabase() {
    }

    /** Creates the database with every table filled at the scale; returns the rows written. */
    static long generate(Connection admin, java.util.function.Supplier<Connection> connect, String db, double scale,
            int threads) throws Exception {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + TableCheck.quote(db));
            s.execute("CREATE DATABASE " + TableCheck.quote(db) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (WordPressTable t : TABLES) {
                done.add(pool.submit(() -> {
                    try (Connection c = connect.get(); Statement s = c.createStatement()) {
                        s.execute("SET SESSION sql_mode = ''");
                        s.execute(t.create());
                        long rows = insert(s, t, 1, t.rows(scale));
                        s.execute("ANALYZE TABLE " + t.name());
                        return rows;
                    }
                }));
            }
            long rows = 0;
            for (Future<Long> f : done) {
                rows += f.get();
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long insert(Statement s, WordPressTable t, long from, long to) throws SQLException {
        long rows = 0;
        for (long a = from; a <= to; a += BATCH) {
            rows += s.executeUpdate(t.fill(a, Math.min(to, a + BATCH - 1)));
        }
        return rows;
    }

    /**
     * Changes about {@code count(table)} rows of each big table: half updated, a fifth deleted, the
     * rest inserted above the highest id (an append-only log only gets inserts); returns the rows changed.
     */
    static long change(Connection c, java.util.function.ToLongFunction<WordPressTable> count) throws SQLException {
        long changed = 0;
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            for (WordPressTable t : TABLES) {
                if (!t.big()) {
                    continue;
                }
                long n = count.applyAsLong(t);
                String id = t.id();
                if (t.appendOnly()) {
                    changed += insertAbove(s, t, n);
                    continue;
                }
                changed += s.executeUpdate("UPDATE " + t.name() + " SET " + t.edited() + " = CONCAT(IFNULL("
                        + t.edited() + ", ''), ' (edited)') WHERE " + id + " % 97 = 5 ORDER BY " + id + " LIMIT " + n / 2);
                changed += s.executeUpdate("DELETE FROM " + t.name() + " WHERE " + id + " % 89 = 3 ORDER BY " + id
                        + " LIMIT " + n / 5);
                changed += insertAbove(s, t, n - n / 2 - n / 5);
            }
        }
        return changed;
    }

    private static long insertAbove(Statement s, WordPressTable t, long rows) throws SQLException {
        if (rows <= 0) {
            return 0;
        }
        long max;
        try (java.sql.ResultSet rs = s.executeQuery("SELECT MAX(" + t.id() + ") FROM " + t.name())) {
            rs.next();
            max = rs.getLong(1);
        }
        return insert(s, t, max + 1, max + rows);
    }
}
