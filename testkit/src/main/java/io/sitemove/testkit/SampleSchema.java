package io.sitemove.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The sample site's tables, a subset of WordPress's, dropped and created again. */
final class SampleSchema {

    static final List<String> TABLES = List.of("wp_users", "wp_posts", "wp_postmeta", "wp_options");
    private static final String OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    private SampleSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            statement.execute("CREATE TABLE wp_users ("
                    + "ID bigint unsigned NOT NULL AUTO_INCREMENT, user_login varchar(60) NOT NULL,"
                    + " user_pass varchar(255) NOT NULL, user_email varchar(100) NOT NULL,"
                    + " user_registered datetime NOT NULL, display_name varchar(250) NOT NULL,"
                    + " PRIMARY KEY (ID), KEY user_login_key (user_login))" + OPTIONS);
            statement.execute("CREATE TABLE wp_posts ("
                    + "ID bigint unsigned NOT NULL AUTO_INCREMENT, post_author bigint unsigned NOT NULL,"
                    + " post_date datetime NOT NULL, post_content longtext NOT NULL, post_title text NOT NULL,"
                    + " post_status varchar(20) NOT NULL, post_name varchar(200) NOT NULL,"
                    + " post_type varchar(20) NOT NULL, post_modified datetime NOT NULL,"
                    + " PRIMARY KEY (ID), KEY type_status_date (post_type, post_status, post_date, ID))" + OPTIONS);
            statement.execute("CREATE TABLE wp_postmeta ("
                    + "meta_id bigint unsigned NOT NULL AUTO_INCREMENT, post_id bigint unsigned NOT NULL,"
                    + " meta_key varchar(255) DEFAULT NULL, meta_value longtext,"
                    + " PRIMARY KEY (meta_id), KEY post_id (post_id))" + OPTIONS);
            statement.execute("CREATE TABLE wp_options ("
                    + "option_id bigint unsigned NOT NULL AUTO_INCREMENT, option_name varchar(191) NOT NULL,"
                    + " option_value longtext NOT NULL, autoload varchar(20) NOT NULL DEFAULT 'yes',"
                    + " PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name))" + OPTIONS);
        }
    }
}
