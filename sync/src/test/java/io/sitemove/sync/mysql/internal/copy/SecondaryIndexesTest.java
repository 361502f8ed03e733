package io.sitemove.sync.mysql.internal.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecondaryIndexesTest {
    private static final String POSTS = "CREATE TABLE `wp_posts` (\n"
            + "  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n"
            + "  `post_name` varchar(200) NOT NULL DEFAULT '',\n"
            + "  `post_author` bigint(20) unsigned NOT NULL DEFAULT 0,\n"
            + "  PRIMARY KEY (`ID`),\n"
            + "  UNIQUE KEY `by``name` (`post_name`(191)),\n"
            + "  KEY `post_author` (`post_author`) COMMENT 'x, y',\n"
            + "  FULLTEXT KEY `ft` (`post_name`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    @Test
    void plainAndUniqueIndexesAreDroppedThenAddedBackAsTheyWere() {
        SecondaryIndexes indexes = SecondaryIndexes.of(POSTS, false);

        assertEquals(2, indexes.size());
        assertEquals("ALTER TABLE `wp_posts` DROP INDEX `by``name`, DROP INDEX `post_author`",
                indexes.dropStatement("wp_posts"));
        assertEquals("ALTER TABLE `wp_posts` ADD UNIQUE KEY `by``name` (`post_name`(191)),"
                + " ADD KEY `post_author` (`post_author`) COMMENT 'x, y'", indexes.addStatement("wp_posts"));
    }

    @Test
    void foreignKeysOtherEnginesAndTheAutoIncrementIndexKeepTheirIndexes() {
        assertTrue(SecondaryIndexes.of(POSTS, true).isEmpty(), "referenced by a foreign key");
        assertTrue(SecondaryIndexes.of(POSTS.replace("InnoDB", "MyISAM"), false).isEmpty());
        assertTrue(SecondaryIndexes.of(POSTS.replace("  PRIMARY KEY (`ID`),\n", "  PRIMARY KEY (`ID`),\n"
                + "  CONSTRAINT `fk` FOREIGN KEY (`post_author`) REFERENCES `u` (`id`),\n"), false).isEmpty());
        String autoIncrementInKey = "CREATE TABLE `t` (\n  `a` int NOT NULL,\n  `n` int NOT NULL AUTO_INCREMENT,\n"
                + "  PRIMARY KEY (`a`,`n`),\n  KEY `n` (`n`)\n) ENGINE=InnoDB";
        assertTrue(SecondaryIndexes.of(autoIncrementInKey, false).isEmpty());
    }
}
