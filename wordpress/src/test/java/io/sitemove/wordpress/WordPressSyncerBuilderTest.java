package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.wordpress.spi.PhpConfig;
import io.sitemove.wordpress.spi.PhpForm;
import io.sitemove.wordpress.spi.PhpSetting;
import io.sitemove.wordpress.spi.PhpValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPressSyncerBuilderTest {
    private static final DbEndpoint DB = new DbEndpoint("10.0.0.5", 3307, "shop_new", "shopuser",
            Secret.of("s3cr3t'pw"));

    @Test
    void setsTheDatabaseConstantsAndExcludesTheFileAndItsBackup() {
        WordPressSyncer syncer = WordPressSyncer.builder().docroots("/var/www/a", "/srv/www/a").database(DB)
                .constant("WP_HOME", "https://a.example").build();

        assertEquals(List.of("DB_NAME", "DB_USER", "DB_PASSWORD", "DB_HOST", "WP_HOME"),
                syncer.config().settings().stream().map(PhpSetting::name).toList());
        assertEquals("'10.0.0.5:3307'", syncer.config().settings().get(3).value().literal());
        assertEquals(List.of("wp-config.php", "wp-config.php.sitemove-orig"), syncer.excludes());
        assertEquals("wordpress-config", syncer.name());
        assertFalse(syncer.toString().contains("s3cr3t"), syncer.toString());
    }

    @Test
    void aLaterDatabaseReplacesTheEarlierOne() {
        DbEndpoint other = new DbEndpoint("db2", 3306, "other", "u2", Secret.of("p2"));
        WordPressSyncer syncer = WordPressSyncer.builder().docroots("/a", "/b").database(DB).database(other).build();

        assertEquals(4, syncer.config().settings().size());
        assertEquals("'other'", syncer.config().settings().get(0).value().literal());
    }

    @Test
    void refusesMissingPartsBadNamesAndConflicts() {
        PhpConfig custom = new PhpConfig() {
            public String file() {
                return "config.php";
            }

            public List<PhpSetting> settings() {
                return List.of(PhpSetting.of(PhpForm.VARIABLE, "dbname", PhpValue.of("x")));
            }
        };
        assertThrows(IllegalStateException.class, () -> WordPressSyncer.builder().database(DB).build());
        assertThrows(IllegalStateException.class, () -> WordPressSyncer.builder().docroots("/a", "/b").build());
        assertThrows(IllegalStateException.class, () -> WordPressSyncer.builder().database(DB).config(custom));
        assertThrows(IllegalStateException.class, () -> WordPressSyncer.builder().config(custom).database(DB));
        assertThrows(IllegalArgumentException.class, () -> WordPressSyncer.builder().constant("WP HOME", "x"));
        assertThrows(IllegalArgumentException.class, () -> PhpValue.of("a\0b"));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> WordPressSyncer.builder().database(null));
        assertEquals("database cannot be null", npe.getMessage());
        WordPressSyncer app = WordPressSyncer.builder().docroots("/a", "/b").config(custom).build();
        assertEquals(List.of("config.php", "config.php.sitemove-orig"), app.excludes());
        assertTrue(app.writes().contains("php-config:/b/config.php"), app.writes().toString());
    }
}
