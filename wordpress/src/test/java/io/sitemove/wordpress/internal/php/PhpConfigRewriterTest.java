package io.sitemove.wordpress.internal.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.wordpress.spi.PhpForm;
import io.sitemove.wordpress.spi.PhpSetting;
import io.sitemove.wordpress.spi.PhpValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhpConfigRewriterTest {
    private static final List<String> ANCHORS = List.of("/* That's all, stop editing!");

    private static PhpSetting constant(String name, String value) {
        return PhpSetting.of(PhpForm.CONSTANT, name, PhpValue.of(value));
    }

    private static String rewrite(String php, PhpSetting... settings) {
        return PhpConfigRewriter.rewrite(php, List.of(settings), ANCHORS).text();
    }

    @Test
    void replacesOnlyTheValueKeepingSpacingQuotesAndTheRest() {
        String php = "<?php\n// keep me\ndefine( 'DB_NAME',   'old' );\ndefine(\"DB_USER\",\"olduser\");\n"
                + "define('AUTH_KEY', 'x;y)z');\ndefine( 'MY_OWN', 42 );\n$table_prefix  = 'wp_';\n";

        String result = rewrite(php, constant("DB_NAME", "new"), constant("DB_USER", "u"));

        assertEquals("<?php\n// keep me\ndefine( 'DB_NAME',   'new' );\ndefine(\"DB_USER\",'u');\n"
                + "define('AUTH_KEY', 'x;y)z');\ndefine( 'MY_OWN', 42 );\n$table_prefix  = 'wp_';\n", result);
    }

    @Test
    void leavesDefinesInCommentsAndStringsAlone() {
        String php = "<?php\n/* define('DB_NAME', 'a'); */\n# define('DB_NAME', 'b');\n"
                + "// define( 'DB_NAME', 'c' );\n$s = \"define('DB_NAME', 'd')\";\ndefine('DB_NAME', 'e');\n";

        String result = rewrite(php, constant("DB_NAME", "f"));

        assertEquals(php.replace("'e'", "'f'"), result);
    }

    @Test
    void escapesBackslashAndQuoteOnlySoPhpReadsThePasswordBack() {
        String php = "<?php\ndefine('DB_PASSWORD', 'old');\n";
        PhpSetting password = PhpSetting.of(PhpForm.CONSTANT, "DB_PASSWORD",
                PhpValue.secret(Secret.of("it's a \\ and $HOME \"q\"")));

        String result = rewrite(php, password);

        assertEquals("<?php\ndefine('DB_PASSWORD', 'it\\'s a \\\\ and $HOME \"q\"');\n", result);
        assertFalse(password.toString().contains("HOME"), password.toString());
    }

    @Test
    void keepsCrlfAndInsertsMissingSettingsWithTheFilesLineEndBeforeTheAnchor() {
        String php = "<?php\r\ndefine('DB_NAME', 'old');\r\n/* That's all, stop editing! */\r\nrequire_once 'x';\r\n";

        PhpRewrite result = PhpConfigRewriter.rewrite(php, List.of(constant("DB_NAME", "n"),
                constant("WP_HOME", "https://new.example")), ANCHORS);

        assertEquals("<?php\r\ndefine('DB_NAME', 'n');\r\ndefine( 'WP_HOME', 'https://new.example' );\r\n"
                + "/* That's all, stop editing! */\r\nrequire_once 'x';\r\n", result.text());
        assertEquals(List.of("DB_NAME"), result.replaced());
        assertEquals(List.of("WP_HOME"), result.inserted());
    }

    @Test
    void keepsAClosingTagOrNoneAndIsIdempotent() {
        String closed = "<?php\ndefine('DB_HOST', 'localhost');\n?>\n<!-- after -->\n";
        String open = "<?php\ndefine('DB_HOST', 'localhost');";

        String once = rewrite(closed, constant("DB_HOST", "10.0.0.5:3306"));
        String twice = rewrite(once, constant("DB_HOST", "10.0.0.5:3306"));

        assertEquals("<?php\ndefine('DB_HOST', '10.0.0.5:3306');\n?>\n<!-- after -->\n", once);
        assertEquals(once, twice);
        assertEquals("<?php\ndefine('DB_HOST', 'h');", rewrite(open, constant("DB_HOST", "h")));
    }

    @Test
    void insertsAfterTheOpeningTagWithoutAnAnchorAndWritesVariables() {
        String php = "<?php\n$table_prefix = 'wp_';";
        PhpSetting prefix = PhpSetting.of(PhpForm.VARIABLE, "table_prefix", PhpValue.of("shop_"));

        String result = rewrite(php, prefix, PhpSetting.of(PhpForm.CONSTANT, "MULTISITE", PhpValue.bool(false)));

        assertEquals("<?php\ndefine( 'MULTISITE', false );\n$table_prefix = 'shop_';", result);
    }

    @Test
    void replacesAComputedValueAndEveryDefinitionOfTheName() {
        String php = "<?php\nif ($a) {\n  define('WP_HOME', 'https://' . $_SERVER['HTTP_HOST']);\n} else {\n"
                + "  define('WP_HOME', getenv('HOME_URL') ?: 'x');\n}\n";

        String result = rewrite(php, constant("WP_HOME", "https://n.example"));

        assertEquals("<?php\nif ($a) {\n  define('WP_HOME', 'https://n.example');\n} else {\n"
                + "  define('WP_HOME', 'https://n.example');\n}\n", result);
    }

    @Test
    void readsLiteralValuesOfAssignments() {
        String php = "<?php\ndefine('MULTISITE', true);\ndefine( \"DB_CHARSET\", \"utf8mb4\" );\n$wp_version = '6.1.1';\n";
        List<PhpAssignment> found = PhpScanner.assignments(php);

        assertEquals(3, found.size());
        assertEquals("true", PhpLiterals.value(php.substring(found.get(0).valueStart(), found.get(0).valueEnd())).orElseThrow());
        assertEquals("utf8mb4", PhpLiterals.value(php.substring(found.get(1).valueStart(), found.get(1).valueEnd())).orElseThrow());
        assertEquals("wp_version", found.get(2).name());
        assertTrue(PhpLiterals.value("'a' . 'b'").isEmpty());
    }

    @Test
    void keepsBytesThatAreNotUtf8AndWritesNewValuesInUtf8() {
        byte[] latin1 = "<?php\n// Caf\u00e9 in Latin-1\ndefine('DB_USER', 'x');\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        byte[] result = PhpConfigRewriter.rewrite(latin1, List.of(constant("DB_USER", "j\u00fcrgen")), ANCHORS).text()
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        byte[] expected = concat("<?php\n// Caf\u00e9 in Latin-1\ndefine('DB_USER', '".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "j\u00fcrgen".getBytes(java.nio.charset.StandardCharsets.UTF_8), "');\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, result);
    }

    @Test
    void ignoresLookAlikesThatAreNotTheSetting() {
        String php = "<?php\n$obj->define('DB_NAME', 'a');\nFoo::define('DB_NAME', 'b');\nmy_define('DB_NAME', 'c');\n"
                + "if ($db_name == 'x') {}\n$DB_NAME = 'v';\ndefine('DB_NAME_2', 'd');\n";

        PhpRewrite result = PhpConfigRewriter.rewrite(php, List.of(constant("DB_NAME", "n")), ANCHORS);

        assertEquals(List.of("DB_NAME"), result.inserted());
        assertEquals(php.replace("<?php\n", "<?php\ndefine( 'DB_NAME', 'n' );\n"), result.text());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
