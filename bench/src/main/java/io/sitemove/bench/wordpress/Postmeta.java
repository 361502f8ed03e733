package io.sitemove.bench.wordpress;

import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The wordpress suite's {@code wp_postmeta}, generated server side (INSERT ... SELECT over the sequence engine,
 * in batches) from the row number alone, so every copy made from the same size is the same table. The mix, by
 * row number modulo 20 (each step 5% of the rows):
 *
 * <ul>
 * <li>0: a plain URL to the old domain ({@code _menu_item_url});
 * <li>1: plain text with two URLs to the old domain and multibyte characters ({@code _custom_note});
 * <li>2, 3: a serialized array holding URLs, multibyte text, a nested array, and a serialized array inside a
 *     string holding a URL, an integer and a float ({@code _menu_item_settings});
 * <li>4: a serialized {@code stdClass} object holding a URL and multibyte text ({@code _product_link});
 * <li>5: JSON with escaped slashes and {@code \u00e9} escapes holding a URL ({@code _elementor_data});
 * <li>6 to 8: serialized attachment metadata without the domain ({@code _wp_attachment_metadata});
 * <li>9 to 12: a post id ({@code _thumbnail_id});
 * <li>13, 14: an edit lock ({@code _edit_lock});
 * <li>15 to 17: multibyte text without the domain ({@code _yoast_wpseo_title});
 * <li>18, 19: JSON without the domain ({@code _elementor_css}).
 * </ul>
 *
 * <p>So 30% of the values hold the old domain (half of them serialized, where the replacement's other length
 * must be written into every enclosing length), and 30% of the values are serialized.
 */
final class Postmeta {
    static final String TABLE = "wp_postmeta";
    static final String OLD = "shop.old-site.example";
    static final String NEW = "www.new-shop.example.net";
    private static final long BATCH = 50_000;
    private static final String CREATE = "CREATE TABLE wp_postmeta (meta_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
            + " post_id bigint(20) unsigned NOT NULL DEFAULT 0, meta_key varchar(255) DEFAULT NULL, meta_value longtext,"
            + " PRIMARY KEY (meta_id), KEY post_id (post_id), KEY meta_key (meta_key(191)))"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    private Postmeta() {
    }

    /** Creates {@code database} with a {@code wp_postmeta} of {@code rows} rows; returns the rows written. */
    static long generate(Connection c, String database, long rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''");
            recreate(s, database);
            s.execute("USE " + Sql.quote(database));
            s.execute(CREATE);
            long written = 0;
            for (long a = 1; a <= rows; a += BATCH) {
                written += s.executeUpdate(fill(database, a, Math.min(rows, a + BATCH - 1)));
            }
            s.execute("ANALYZE TABLE " + table(database));
            return written;
        }
    }

    /** Makes {@code to} a fresh database holding a copy of {@code from}'s table (CREATE TABLE LIKE, INSERT SELECT). */
    static void copy(Connection c, String from, String to) throws SQLException {
        try (Statement s = c.createStatement()) {
            recreate(s, to);
            s.execute("CREATE TABLE " + table(to) + " LIKE " + table(from));
            s.execute("INSERT INTO " + table(to) + " SELECT * FROM " + table(from));
        }
    }

    /** CHECKSUM TABLE of the database's table. */
    static long checksum(Connection c, String database) throws SQLException {
        return single(c, "CHECKSUM TABLE " + table(database), 2);
    }

    /** The rows whose value differs between the two databases' tables (NULL-safe), by key. */
    static long differing(Connection c, String left, String right) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM " + table(left) + " l JOIN " + table(right) + " r USING (meta_id)"
                + " WHERE NOT (l.meta_value <=> r.meta_value) OR NOT (l.meta_key <=> r.meta_key)", 1);
    }

    /** The first keys whose values differ, for a failure message. */
    static String firstDifferences(Connection c, String left, String right) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT meta_id, LEFT(l.meta_value, 300),"
                + " LEFT(r.meta_value, 300) FROM " + table(left) + " l JOIN " + table(right) + " r USING (meta_id)"
                + " WHERE NOT (l.meta_value <=> r.meta_value) ORDER BY meta_id LIMIT 3")) {
            while (rs.next()) {
                b.append("\n  meta_id ").append(rs.getLong(1)).append(": ").append(rs.getString(2)).append("\n    vs ")
                        .append(rs.getString(3));
            }
        }
        return b.toString();
    }

    /** The values that still hold {@code text} (byte for byte). */
    static long holding(Connection c, String database, String text) throws SQLException {
        return single(c, "SELECT COUNT(*) FROM " + table(database) + " WHERE meta_value LIKE BINARY '%"
                + text.replace("'", "''").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%'", 1);
    }

    /** The table's size on disk (data and indexes), in MB. */
    static double megabytes(Connection c, String database) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (DATA_LENGTH + INDEX_LENGTH)"
                + " / 1048576 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database.replace("'", "''")
                + "' AND TABLE_NAME = '" + TABLE + "'")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static void drop(Connection c, String database) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Sql.quote(database));
        }
    }

    static String table(String database) {
        return Sql.quote(database) + "." + Sql.quote(TABLE);
    }

    private static void recreate(Statement s, String database) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS " + Sql.quote(database));
        s.execute("CREATE DATABASE " + Sql.quote(database) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    private static long single(Connection c, String sql, int column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(column);
        }
    }

    /** A serialized string of the SQL expression's value, its length in bytes. */
    private static String s(String expr) {
        return "'s:', LENGTH(" + expr + "), ':\"', " + expr + ", '\";'";
    }

    private static String fill(String database, long from, long to) {
        String url = "CONCAT('https://" + OLD + "/menu/item-', seq, '/')";
        String title = "CONCAT('Menü ïtem n° ', seq, ' \u2615')";
        String nestedUrl = "CONCAT('https://" + OLD + "/p/', seq)";
        String nested = "CONCAT('a:3:{s:4:\"link\";', " + s(nestedUrl) + ", 's:5:\"count\";i:', seq,"
                + " ';s:5:\"ratio\";d:1.5;}')";
        String link = "CONCAT('http://" + OLD + "/wp-content/uploads/2024/05/image-', seq, '.jpg')";
        String settings = "CONCAT('a:4:{s:3:\"url\";', " + s(url) + ", 's:5:\"title\";', " + s(title)
                + ", 's:6:\"nested\";', " + s(nested) + ", 's:5:\"links\";a:2:{i:0;', " + s(link) + ", 'i:1;b:1;}}')";
        String product = "CONCAT('https://" + OLD + "/product/', seq, '/')";
        String label = "CONCAT('Ünïcode lâbel ', seq)";
        String object = "CONCAT('O:8:\"stdClass\":3:{s:4:\"href\";', " + s(product) + ", 's:5:\"label\";', " + s(label)
                + ", 's:6:\"hidden\";b:0;}')";
        String file = "CONCAT('2024/05/image-', seq, '.jpg')";
        String thumb = "CONCAT('image-', seq, '-150x150.jpg')";
        String attachment = "CONCAT('a:3:{s:4:\"file\";', " + s(file) + ", 's:5:\"width\";i:1024;s:5:\"sizes\";"
                + "a:1:{s:9:\"thumbnail\";', " + s(thumb) + ", '}}')";
        String json = "CONCAT('[{\"id\":\"', HEX(seq), '\",\"elType\":\"widget\",\"settings\":{\"link\":{\"url\":"
                + "\"https:\\\\/\\\\/" + OLD + "\\\\/page-', seq, '\\\\/\"},\"title\":\"Caf\\\\u00e9 ', seq, '\"}}]')";
        String value = "CASE WHEN b = 0 THEN CONCAT('https://" + OLD + "/2024/05/image-', seq, '.jpg')"
                + " WHEN b = 1 THEN CONCAT('Visit https://" + OLD + "/shop/?p=', seq, ' — café ☕ or http://" + OLD
                + "/feed/')"
                + " WHEN b < 4 THEN " + settings
                + " WHEN b = 4 THEN " + object
                + " WHEN b = 5 THEN " + json
                + " WHEN b < 9 THEN " + attachment
                + " WHEN b < 13 THEN CAST(seq * 7 AS CHAR)"
                + " WHEN b < 15 THEN CONCAT(1700000000 + seq, ':1')"
                + " WHEN b < 18 THEN CONCAT('Ünïcode tïtle n° ', seq, ' \uD83D\uDE80 ', MD5(seq))"
                + " ELSE CONCAT('{\"views\":', seq, ',\"path\":\"\\\\/2024\\\\/05\\\\/\",\"label\":\"na\\\\u00efve\"}') END";
        String key = "CASE WHEN b = 0 THEN '_menu_item_url' WHEN b = 1 THEN '_custom_note'"
                + " WHEN b < 4 THEN '_menu_item_settings' WHEN b = 4 THEN '_product_link' WHEN b = 5 THEN '_elementor_data'"
                + " WHEN b < 9 THEN '_wp_attachment_metadata' WHEN b < 13 THEN '_thumbnail_id'"
                + " WHEN b < 15 THEN '_edit_lock' WHEN b < 18 THEN '_yoast_wpseo_title' ELSE '_elementor_css' END";
        return "INSERT INTO " + table(database) + " (meta_id, post_id, meta_key, meta_value) SELECT seq, 1 + seq DIV 10, "
                + key + ", " + value + " FROM (SELECT seq, seq % 20 b FROM seq_" + from + "_to_" + to + ") x";
    }
}
