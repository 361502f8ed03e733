package io.sitemove.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/** Inserts the sample site's rows in batches, deterministically from a seed. */
final class SampleRows {

    static final int BATCH = 500;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> STATUSES = List.of("publish", "publish", "publish", "draft", "private");
    private static final List<String> TYPES = List.of("post", "post", "post", "page", "attachment", "revision");
    private static final List<String> META_KEYS = List.of("_edit_lock", "_edit_last", "_thumbnail_id",
            "_wp_page_template", "_wp_attached_file", "views", "rating");

    private final Connection connection;
    private final SampleText text;
    private final Random random;

    SampleRows(Connection connection, Random random) {
        this.connection = connection;
        this.random = random;
        this.text = new SampleText(random);
    }

    /** How many rows each table gets for a total. */
    record Counts(int users, int options, int posts, int postmeta) {
        static Counts of(int rows) {
            int users = Math.max(1, rows / 60);
            int options = Math.max(5, rows / 12);
            int posts = (rows - users - options) * 4 / 10;
            return new Counts(users, options, posts, rows - users - options - posts);
        }
    }

    void insertUsers(long firstId, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wp_users"
                + " (ID, user_login, user_pass, user_email, user_registered, display_name) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                insert.setLong(1, id);
                insert.setString(2, "user" + id);
                insert.setString(3, "$P$B" + text.slug(2));
                insert.setString(4, "user" + id + "@example.test");
                insert.setString(5, date());
                insert.setString(6, text.words(2));
                batch(insert, i);
            }
            insert.executeBatch();
        }
    }

    void insertOptions(long seed, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO wp_options (option_id, option_name, option_value, autoload) VALUES (?, ?, ?, ?)")) {
            String[][] fixed = {
                {"siteurl", "http://site.example.test"},
                {"home", "http://site.example.test"},
                {"blogname", "Sample site " + seed + " 🚀"},
                {"blogdescription", text.words(6)},
                {"template", SampleFiles.THEME},
            };
            for (int i = 0; i < count; i++) {
                boolean isFixed = i < fixed.length;
                insert.setLong(1, i + 1L);
                insert.setString(2, isFixed ? fixed[i][0] : "sample_option_" + i);
                insert.setString(3, isFixed ? fixed[i][1] : text.ofSize(text.between(10, 400)));
                insert.setString(4, random.nextBoolean() ? "yes" : "no");
                batch(insert, i);
            }
            insert.executeBatch();
        }
    }

    void insertPosts(long firstId, int count, int users) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wp_posts (ID, post_author,"
                + " post_date, post_content, post_title, post_status, post_name, post_type, post_modified)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String date = date();
                insert.setLong(1, firstId + i);
                insert.setLong(2, 1 + random.nextInt(users));
                insert.setString(3, date);
                insert.setString(4, text.ofSize(text.between(200, 4_000)));
                insert.setString(5, text.words(text.between(2, 8)));
                insert.setString(6, STATUSES.get(random.nextInt(STATUSES.size())));
                insert.setString(7, text.slug(3) + "-" + (firstId + i));
                insert.setString(8, TYPES.get(random.nextInt(TYPES.size())));
                insert.setString(9, date);
                batch(insert, i);
            }
            insert.executeBatch();
        }
    }

    void insertPostmeta(long firstId, int count, long posts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO wp_postmeta (meta_id, post_id, meta_key, meta_value) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setLong(1, firstId + i);
                insert.setLong(2, 1 + (long) random.nextInt((int) Math.max(1, posts)));
                insert.setString(3, META_KEYS.get(random.nextInt(META_KEYS.size())));
                insert.setString(4, random.nextInt(4) == 0 ? null : text.words(text.between(1, 12)));
                batch(insert, i);
            }
            insert.executeBatch();
        }
    }

    private String date() {
        return EPOCH.plusSeconds(random.nextInt(365 * 24 * 3600)).format(SQL_DATE);
    }

    private static void batch(PreparedStatement insert, int index) throws SQLException {
        insert.addBatch();
        if ((index + 1) % BATCH == 0) {
            insert.executeBatch();
        }
    }
}
