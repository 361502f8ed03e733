package io.sitemove.testkit;

import java.util.List;

/**
 * A standalone {@code wp-config.php} for the testkit's WordPress: the database of one side, a table
 * prefix, fresh salts, no automatic updates or cron. (Debian's own file reads {@code /etc/wordpress}.)
 */
final class WordPressConfig {

    private static final List<String> SALTS = List.of("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
            "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT");

    /**
     * Debian's nginx passes {@code HTTP_HOST} as {@code $host}, without the port; WordPress on the testkit's
     * ports would then redirect every page to itself. The port is put back from {@code SERVER_PORT}.
     */
    private static final String PORT_IN_HOST = String.join("\n",
            "// Debian's nginx sends HTTP_HOST without the port; the testkit serves on other ports than 80 and 443",
            "if ( isset( $_SERVER['HTTP_HOST'], $_SERVER['SERVER_PORT'] ) && false === strpos( $_SERVER['HTTP_HOST'], ':' )",
            "\t&& ! in_array( (string) $_SERVER['SERVER_PORT'], array( '80', '443' ), true ) ) {",
            "\t$_SERVER['HTTP_HOST'] .= ':' . $_SERVER['SERVER_PORT'];",
            "}",
            "",
            "");

    private WordPressConfig() {
    }

    static String render(MariaDb db, String database, String tablePrefix) {
        StringBuilder php = new StringBuilder("<?php\n// wp-config.php written by the sitemove testkit\n");
        define(php, "DB_NAME", database);
        define(php, "DB_USER", db.user());
        define(php, "DB_PASSWORD", db.password());
        define(php, "DB_HOST", db.host() + ":" + db.port());
        define(php, "DB_CHARSET", "utf8mb4");
        define(php, "DB_COLLATE", "");
        for (String salt : SALTS) {
            define(php, salt, Secrets.password(64));
        }
        php.append("\n$table_prefix = ").append(literal(tablePrefix)).append(";\n\n");
        php.append("define( 'WP_DEBUG', false );\n");
        php.append("define( 'AUTOMATIC_UPDATER_DISABLED', true );\n");
        php.append("define( 'WP_AUTO_UPDATE_CORE', false );\n");
        php.append("define( 'DISABLE_WP_CRON', true );\n");
        php.append("define( 'WP_HTTP_BLOCK_EXTERNAL', true );\n\n");
        php.append(PORT_IN_HOST);
        php.append("if ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}\n\n");
        php.append("require_once ABSPATH . 'wp-settings.php';\n");
        return php.toString();
    }

    private static void define(StringBuilder php, String name, String value) {
        php.append("define( '").append(name).append("', ").append(literal(value)).append(" );\n");
    }

    /** A PHP single-quoted string literal: only backslash and quote are special there. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
