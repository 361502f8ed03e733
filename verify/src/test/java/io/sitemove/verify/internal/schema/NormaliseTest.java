package io.sitemove.verify.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NormaliseTest {
    @Test
    void integerDisplayWidthsAreDroppedAsMySql8DoesUnlessZerofillKeepsThem() {
        assertEquals("bigint unsigned", Normalise.type("BIGINT(20) UNSIGNED"));
        assertEquals("int", Normalise.type("int(11)"));
        assertEquals("int(5) unsigned zerofill", Normalise.type("int(5) unsigned zerofill"));
        assertEquals("varchar(191)", Normalise.type("varchar(191)"));
        assertEquals("decimal(10,2)", Normalise.type("decimal(10,2)"));
    }

    @Test
    void mariaDbAndMySqlDefaultsReadTheSame() {
        assertNull(Normalise.defaultValue(null));
        assertNull(Normalise.defaultValue("NULL"));
        assertEquals("yes", Normalise.defaultValue("'yes'"));
        assertEquals("it's", Normalise.defaultValue("'it''s'"));
        assertEquals("current_timestamp", Normalise.defaultValue("current_timestamp()"));
        assertEquals("current_timestamp", Normalise.defaultValue("CURRENT_TIMESTAMP"));
        assertEquals("0", Normalise.defaultValue("0"));
        assertEquals("NULL", Normalise.defaultValue("'NULL'"), "the string 'NULL' is not NULL");
    }

    @Test
    void extrasDropDefaultGeneratedAndKeepTheGenerationExpression() {
        assertEquals("on update current_timestamp", Normalise.extra("DEFAULT_GENERATED on update CURRENT_TIMESTAMP", null));
        assertEquals("on update current_timestamp", Normalise.extra("on update current_timestamp()", ""));
        assertEquals("auto_increment", Normalise.extra("auto_increment", null));
        assertEquals("virtual generated as (`a` + 1)", Normalise.extra("VIRTUAL GENERATED", "`a`  +\n 1"));
        assertEquals("", Normalise.extra(null, null));
    }

    @Test
    void aDefinitionLosesItsOwnDatabaseNameAndExtraSpaceButKeepsQuotedText() {
        String source = "select `shop`.`orders`.`id` AS `id`\n  from `shop`.`orders` where note = 'a   b'";
        String target = "select `shop_new`.`orders`.`id` AS `id` from `shop_new`.`orders` where note = 'a   b'";

        assertEquals("select `orders`.`id` AS `id` from `orders` where note = 'a   b'",
                Normalise.definition(source, "shop"));
        assertEquals(Normalise.definition(source, "shop"), Normalise.definition(target, "shop_new"));
    }

    @Test
    void anotherDatabaseNameAndAChangedLiteralStillDiffer() {
        assertEquals("select `other`.`t`.`a` from `other`.`t`", Normalise.definition("select `other`.`t`.`a` from `other`.`t`", "shop"));
        assertNotEquals(Normalise.definition("select 'a b'", "shop"), Normalise.definition("select 'a  b'", "shop"));
        assertEquals("select 'it''s `shop`.x'", Normalise.definition("  select   'it''s `shop`.x'  ", "shop"));
    }

    @Test
    void definersLoseTheirQuotes() {
        assertEquals("wp@localhost", Normalise.definer("`wp`@`localhost`"));
        assertEquals("wp@%", Normalise.definer("wp@%"));
        assertNull(Normalise.definer(""));
    }
}
