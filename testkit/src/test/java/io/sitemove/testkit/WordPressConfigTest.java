package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPressConfigTest {
    private static final MariaDb DB = new MariaDb("old", "127.0.0.2", 3307, "sitemove", "pw", Path.of("/tmp/s"),
            Path.of("/tmp/d"), true);

    @Test
    void aLiteralIsReadBackExactlyByPhp() {
        String hostile = "it's \\ a $dollar \\' and \"quotes\" {$x}";
        Commands.Result echo = Commands.execute(List.of(Binaries.require("php", "php-cli").toString(), "-r",
                "echo " + WordPressConfig.literal(hostile) + ";"), "", Duration.ofSeconds(20));

        assertEquals(0, echo.exitCode(), echo.output());
        assertEquals(hostile, echo.output());
    }

    @Test
    void namesTheDatabaseThePrefixAndTheServerWithItsPort() {
        String php = WordPressConfig.render(DB, "blog", "tk_");

        assertTrue(php.contains("define( 'DB_NAME', 'blog' );"), php);
        assertTrue(php.contains("define( 'DB_HOST', '127.0.0.2:3307' );"), php);
        assertTrue(php.contains("$table_prefix = 'tk_';"), php);
        assertTrue(php.endsWith("require_once ABSPATH . 'wp-settings.php';\n"), php);
    }

    @Test
    void theSiteBuilderRefusesNamesWordPressOrMariaDbWouldNotTake() {
        WebServer web = new WebServer("old", "127.0.0.2", 8080, Path.of("/tmp/site"), 8443, Path.of("/tmp/ca.pem"));
        WordPressSite.Builder builder = WordPressSite.builder(web, DB);

        assertThrows(IllegalArgumentException.class, () -> builder.tablePrefix("wp-"));
        assertThrows(IllegalArgumentException.class, () -> builder.database("a;b"));
        assertThrows(IllegalArgumentException.class, () -> builder.url("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> builder.admin("admin", ""));
        assertEquals("web cannot be null", assertThrows(NullPointerException.class,
                () -> WordPressSite.builder(null, DB)).getMessage());
    }
}
