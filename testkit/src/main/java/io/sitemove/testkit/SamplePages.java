package io.sitemove.testkit;

/** The PHP entry points of the sample site: index.php and wp-config.php. */
final class SamplePages {

    private SamplePages() {
    }

    /** Prints the site name (option {@code blogname}) and the number of rows in {@code wp_posts}. */
    static String indexPhp() {
        return String.join("\n",
                "<?php",
                "// Sample site front page: prints the site name and a row count from its database.",
                "header('Content-Type: text/plain; charset=utf-8');",
                "require __DIR__ . '/wp-config.php';",
                "if (DB_NAME === '') {",
                "    echo \"site: (no database configured)\\n\";",
                "    return;",
                "}",
                "[$host, $port] = array_pad(explode(':', DB_HOST, 2), 2, '3306');",
                "$db = new mysqli($host, DB_USER, DB_PASSWORD, DB_NAME, (int) $port);",
                "$db->set_charset('utf8mb4');",
                "$name = $db->query(\"SELECT option_value FROM {$table_prefix}options"
                        + " WHERE option_name = 'blogname'\")->fetch_row()[0];",
                "$posts = $db->query(\"SELECT COUNT(*) FROM {$table_prefix}posts\")->fetch_row()[0];",
                "echo \"site: $name\\n\";",
                "echo \"posts: $posts\\n\";",
                "");
    }

    static String wpConfig(String database, String user, String password, String host) {
        return String.join("\n",
                "<?php",
                "// Sample site configuration, in the style of WordPress.",
                "define('DB_NAME', " + phpString(database) + ");",
                "define('DB_USER', " + phpString(user) + ");",
                "define('DB_PASSWORD', " + phpString(password) + ");",
                "define('DB_HOST', " + phpString(host) + ");",
                "define('DB_CHARSET', 'utf8mb4');",
                "$table_prefix = 'wp_';",
                "");
    }

    static String phpString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
