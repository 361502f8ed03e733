package io.sitemove.wordpress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WpFactsTest {

    @Test
    void readsLiteralConstantsFirstDefinitionWinsAndIgnoresComments() {
        WpFacts facts = WpFacts.of("<?php\n// define('DB_NAME', 'commented');\ndefine( \"DB_NAME\", \"shop\" );\n"
                + "define('DB_NAME', 'second');\ndefine('MULTISITE', true);\ndefine('SUBDOMAIN_INSTALL', false);\n"
                + "define('WP_HOME', 'https://' . $_SERVER['HTTP_HOST']);\n$table_prefix = 'a_';\n$table_prefix = 'b_';\n");

        assertEquals("shop", facts.constant("DB_NAME"));
        assertTrue(facts.isTrue("MULTISITE"));
        assertFalse(facts.isTrue("SUBDOMAIN_INSTALL"));
        assertEquals("", facts.constant("WP_HOME"), "a computed value is not a literal");
        assertEquals("b_", facts.variable("table_prefix"));
        assertEquals("", facts.constant("DB_PASSWORD"));
    }

    @Test
    void readsASerializedListOfStringsCountingBytes() {
        byte[] plugins = "a:2:{i:0;s:19:\"akismet/akismet.php\";i:1;s:11:\"caf\u00e9/x.php\";}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(Optional.of(List.of("akismet/akismet.php", "caf\u00e9/x.php")), SerializedStringList.parse(plugins));
        assertEquals(Optional.of(List.of()), SerializedStringList.parse("a:0:{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(SerializedStringList.parse("a:1:{i:0;s:10:\"café/x.php\";}".getBytes(StandardCharsets.UTF_8))
                .isEmpty(), "a length in characters, not bytes, is wrong");
        assertTrue(SerializedStringList.parse("a:1:{i:0;a:0:{}}".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(SerializedStringList.parse("not serialized".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
