package io.sitemove.wordpress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablePrefixParserTest {

    @Test
    void readsTheSingleQuotedPrefixOfAStockConfig() {
        assertEquals(Optional.of("wp_"), TablePrefixParser.parse("<?php\ndefine( 'DB_NAME', 'x' );\n"
                + "$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n"));
    }

    @Test
    void readsDoubleQuotesAndTightSpacing() {
        assertEquals(Optional.of("shop7_"), TablePrefixParser.parse("<?php $table_prefix=\"shop7_\";"));
    }

    @Test
    void ignoresAssignmentsInCommentsAndStrings() {
        String php = "<?php\n// $table_prefix = 'line_';\n# $table_prefix = 'hash_';\n/* $table_prefix = 'block_'; */\n"
                + "$note = '$table_prefix = \"str_\";';\n$table_prefix = 'real_';\n";
        assertEquals(Optional.of("real_"), TablePrefixParser.parse(php));
    }

    @Test
    void takesTheLastAssignmentAsPhpDoes() {
        assertEquals(Optional.of("second_"), TablePrefixParser.parse("<?php $table_prefix = 'first_';\n"
                + "$table_prefix = 'second_';"));
    }

    @Test
    void ignoresTextOutsideThePhpTags() {
        assertEquals(Optional.of("in_"), TablePrefixParser.parse("$table_prefix = 'html_';\n<?php $table_prefix = 'in_'; ?>"
                + "\n$table_prefix = 'after_';"));
    }

    @Test
    void readsNothingFromAPrefixBuiltAtRunTime() {
        assertEquals(Optional.empty(), TablePrefixParser.parse("<?php $table_prefix = getenv('P') . '_';"));
        assertEquals(Optional.empty(), TablePrefixParser.parse("<?php $table_prefix = \"{$site}_\";"));
        assertEquals(Optional.empty(), TablePrefixParser.parse("<?php $table_prefixes = 'no_';"));
    }

    @Test
    void unescapesQuotesInsideTheLiteral() {
        assertEquals(Optional.of("it's"), TablePrefixParser.parse("<?php $table_prefix = 'it\\'s';"));
    }
}
